import { MigrationInterface, QueryRunner } from 'typeorm';

/** The machines backed up in pull mode over ssh; the list is read by name or creation time, hosts looked up by endpoint. */
export class Hosts1764410000000 implements MigrationInterface {
  name = 'Hosts1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hosts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "ssh_user" varchar(64) NOT NULL, "hostname" varchar(253) NOT NULL, "port" integer NOT NULL, "host_key_policy" varchar(16) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_hosts_name" UNIQUE ("name"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_hosts_created" ON "hosts" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_hosts_endpoint" ON "hosts" ("hostname", "port")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_hosts_endpoint"`);
    await queryRunner.query(`DROP INDEX "idx_hosts_created"`);
    await queryRunner.query(`DROP TABLE "hosts"`);
  }
}
