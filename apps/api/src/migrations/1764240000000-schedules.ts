import { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedules1764240000000 implements MigrationInterface {
  name = 'Schedules1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "schedules" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "repository_id" integer NOT NULL, "source_paths" text NOT NULL, "archive_name" varchar(200) NOT NULL, "compression" varchar(32) NOT NULL, "exclude_patterns" text NOT NULL, "one_file_system" boolean NOT NULL DEFAULT (0), "cron_expression" varchar(200) NOT NULL, "timezone" varchar(64) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "pruning_policy_id" integer, "check_policy_id" integer, "cloud_sync_config_id" integer, "pre_hooks" text NOT NULL, "post_hooks" text NOT NULL, "catch_up" boolean NOT NULL DEFAULT (0), "handled_until" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_schedules_name" UNIQUE ("name"), CONSTRAINT "FK_3f18fcc01d4c16f27043f21f7b8" FOREIGN KEY ("pruning_policy_id") REFERENCES "pruning_policies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_ec6ab00c0ff887b360e997c53db" FOREIGN KEY ("check_policy_id") REFERENCES "check_policies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_schedules_repository_id" ON "schedules" ("repository_id")`);
    await queryRunner.query(`ALTER TABLE "jobs" ADD COLUMN "schedule_id" integer`);
    await queryRunner.query(`CREATE INDEX "idx_jobs_schedule_id" ON "jobs" ("schedule_id")`);
    await queryRunner.query(`ALTER TABLE "job_steps" ADD COLUMN "parameters" text`);
    await queryRunner.query(`ALTER TABLE "job_steps" ADD COLUMN "run_on_failure" boolean NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_steps" DROP COLUMN "run_on_failure"`);
    await queryRunner.query(`ALTER TABLE "job_steps" DROP COLUMN "parameters"`);
    await queryRunner.query(`DROP INDEX "idx_jobs_schedule_id"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "schedule_id"`);
    await queryRunner.query(`DROP INDEX "idx_schedules_repository_id"`);
    await queryRunner.query(`DROP TABLE "schedules"`);
  }
}
