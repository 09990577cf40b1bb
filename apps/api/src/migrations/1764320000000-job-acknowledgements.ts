import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed and warning jobs stay on the dashboard until someone acknowledges them (acknowledged_at). A partial index
 * holds only the unacknowledged ones, so counting them per repository reads nothing else. Failures already followed
 * by a completed job of the same type on the same repository count as acknowledged when they were repaired: the
 * history of an upgraded server does not flood the dashboard with problems long solved.
 */
export class JobAcknowledgements1764320000000 implements MigrationInterface {
  name = 'JobAcknowledgements1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" ADD COLUMN "acknowledged_at" datetime`);
    await queryRunner.query(
      `UPDATE "jobs" SET "acknowledged_at" = (
         SELECT "later"."finished_at" FROM "jobs" "later"
         WHERE "later"."repository_id" = "jobs"."repository_id" AND "later"."created_at" > "jobs"."created_at"
           AND "later"."type" = "jobs"."type" AND "later"."status" = 'completed'
         ORDER BY "later"."created_at" LIMIT 1)
       WHERE "status" IN ('failed', 'warning') AND "repository_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_jobs_unacknowledged" ON "jobs" ("repository_id", "status") WHERE acknowledged_at IS NULL AND status IN ('failed', 'warning')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_jobs_unacknowledged"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "acknowledged_at"`);
  }
}
