import { MigrationInterface, QueryRunner } from 'typeorm';

export class Archives1764210000000 implements MigrationInterface {
  name = 'Archives1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "archives" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "repository_id" integer NOT NULL, "name" varchar(255) NOT NULL, "borg_id" varchar(64) NOT NULL, "started_at" datetime NOT NULL, "ended_at" datetime, "hostname" varchar(255), "username" varchar(255), "comment" text, "command_line" text, "file_count" integer, "original_size" integer, "compressed_size" integer, "deduplicated_size" integer, "duration_seconds" float, "info_loaded_at" datetime, "index_entries" integer, "index_bytes" integer, "index_used_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_archives_started_at" ON "archives" ("started_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_archives_repository_name" ON "archives" ("repository_id", "name")`);
    await queryRunner.query(
      `CREATE TABLE "archive_catalogs" ("repository_id" integer PRIMARY KEY NOT NULL, "refreshed_at" datetime NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "archive_catalogs"`);
    await queryRunner.query(`DROP INDEX "idx_archives_repository_name"`);
    await queryRunner.query(`DROP INDEX "idx_archives_started_at"`);
    await queryRunner.query(`DROP TABLE "archives"`);
  }
}
