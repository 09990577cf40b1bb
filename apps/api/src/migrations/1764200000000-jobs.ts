import { MigrationInterface, QueryRunner } from 'typeorm';

export class Jobs1764200000000 implements MigrationInterface {
  name = 'Jobs1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "repository_id" integer, "parameters" text NOT NULL, "trigger" varchar(16) NOT NULL, "retry_of_id" integer, "created_at" datetime NOT NULL, "started_at" datetime, "finished_at" datetime, "progress" text, "result" text, "warnings" text NOT NULL, "error_code" varchar(64), "error_message" text, "log_truncated" boolean NOT NULL DEFAULT (0), "process_group_id" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_jobs_status" ON "jobs" ("status")`);
    await queryRunner.query(`CREATE INDEX "idx_jobs_repository_id" ON "jobs" ("repository_id")`);
    await queryRunner.query(`CREATE INDEX "idx_jobs_created_at" ON "jobs" ("created_at")`);
    await queryRunner.query(
      `CREATE TABLE "job_steps" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "job_id" integer NOT NULL, "position" integer NOT NULL, "type" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "started_at" datetime, "finished_at" datetime, "result" text, "error_code" varchar(64), "error_message" text, CONSTRAINT "FK_d3c4e03bc575b55a18b534d8677" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_job_steps_job_position" ON "job_steps" ("job_id", "position")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_job_steps_job_position"`);
    await queryRunner.query(`DROP TABLE "job_steps"`);
    await queryRunner.query(`DROP INDEX "idx_jobs_created_at"`);
    await queryRunner.query(`DROP INDEX "idx_jobs_repository_id"`);
    await queryRunner.query(`DROP INDEX "idx_jobs_status"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}
