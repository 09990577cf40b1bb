import { MigrationInterface, QueryRunner } from 'typeorm';

export class PruningPolicies1764220000000 implements MigrationInterface {
  name = 'PruningPolicies1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pruning_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "keep_within" varchar(16), "keep_last" integer, "keep_secondly" integer, "keep_minutely" integer, "keep_hourly" integer, "keep_daily" integer, "keep_weekly" integer, "keep_monthly" integer, "keep_yearly" integer, "glob_archives" varchar(255), "compact_after" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_pruning_policies_name" UNIQUE ("name"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pruning_policies"`);
  }
}
