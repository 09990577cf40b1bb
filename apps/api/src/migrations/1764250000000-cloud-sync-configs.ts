import { MigrationInterface, QueryRunner } from 'typeorm';

export class CloudSyncConfigs1764250000000 implements MigrationInterface {
  name = 'CloudSyncConfigs1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cloud_sync_configs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "provider" varchar(16) NOT NULL, "settings" text NOT NULL, "secrets_sealed" text, "path_prefix" varchar(1024) NOT NULL DEFAULT (''), "mode" varchar(8) NOT NULL, "bandwidth_limit" varchar(32), "last_sync_job_id" integer, "last_sync_status" varchar(16), "last_sync_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_cloud_sync_configs_name" UNIQUE ("name"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cloud_sync_configs"`);
  }
}
