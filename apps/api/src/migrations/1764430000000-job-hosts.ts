import { MigrationInterface, QueryRunner } from 'typeorm';

/** The host a backup or restore ran on (pull mode), as a column: the dashboard finds each host's newest backup on it. */
export class JobHosts1764430000000 implements MigrationInterface {
  name = 'JobHosts1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" ADD COLUMN "host_id" integer`);
    await queryRunner.query(
      `UPDATE "jobs" SET "host_id" = json_extract("parameters", '$.host_id') WHERE json_extract("parameters", '$.host_id') IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_jobs_host" ON "jobs" ("host_id", "created_at", "id", "status", "type")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_jobs_host"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "host_id"`);
  }
}
