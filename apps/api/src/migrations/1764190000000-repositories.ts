import { MigrationInterface, QueryRunner } from 'typeorm';

export class Repositories1764190000000 implements MigrationInterface {
  name = 'Repositories1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "repositories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "path" varchar(1024) NOT NULL, "encryption" varchar(32) NOT NULL, "passphrase_secret" text, "ssh_key_source" varchar(16), "ssh_private_key_secret" text, "ssh_host_key_policy" varchar(16) NOT NULL DEFAULT ('accept-new'), "archives_count" integer, "original_size" integer, "compressed_size" integer, "deduplicated_size" integer, "last_archive_at" datetime, "stats_updated_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_98b624f19034b52b7d4a646b0c3" UNIQUE ("name"), CONSTRAINT "UQ_d04bd63e4bf53d4077ab12d93e6" UNIQUE ("path"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "repositories"`);
  }
}
