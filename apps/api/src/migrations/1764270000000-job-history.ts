import { MigrationInterface, QueryRunner } from 'typeorm';

/** The job filters the lists offer, each with the lists' order (created_at, id) and the other filters after it. */
const LIST_INDEXES: Array<[name: string, columns: string[]]> = [
  ['idx_jobs_list', ['created_at', 'id']],
  ['idx_jobs_list_status', ['status', 'created_at', 'id', 'type', 'repository_id', 'schedule_id']],
  ['idx_jobs_list_type', ['type', 'created_at', 'id', 'status', 'repository_id', 'schedule_id']],
  ['idx_jobs_list_repository', ['repository_id', 'created_at', 'id', 'status', 'type', 'schedule_id']],
  ['idx_jobs_list_schedule', ['schedule_id', 'created_at', 'id', 'status', 'type', 'repository_id']],
];
const OLD_INDEXES: Array<[name: string, column: string]> = [
  ['idx_jobs_status', 'status'],
  ['idx_jobs_repository_id', 'repository_id'],
  ['idx_jobs_schedule_id', 'schedule_id'],
  ['idx_jobs_created_at', 'created_at'],
];

/** The row of job_counts a job (OLD or NEW in a trigger) counts in; 0 stands for no repository or schedule. */
const countKey = (row: 'OLD' | 'NEW') =>
  `status = ${row}.status AND type = ${row}.type AND repository_id = IFNULL(${row}.repository_id, 0) AND schedule_id = IFNULL(${row}.schedule_id, 0)`;
const countIn = (row: 'OLD' | 'NEW') =>
  `INSERT INTO "job_counts" (status, type, repository_id, schedule_id, jobs)
     VALUES (${row}.status, ${row}.type, IFNULL(${row}.repository_id, 0), IFNULL(${row}.schedule_id, 0), 1)
     ON CONFLICT (status, type, repository_id, schedule_id) DO UPDATE SET jobs = jobs + 1;`;
const countOut = (row: 'OLD' | 'NEW') =>
  `UPDATE "job_counts" SET jobs = jobs - 1 WHERE ${countKey(row)};
   DELETE FROM "job_counts" WHERE jobs = 0 AND ${countKey(row)};`;

/**
 * Job lists that stay fast with a long history: an index for each filter (and for none) in the lists' order, and
 * job_counts, the number of jobs by status, type, repository and schedule, kept exact by triggers, so that the
 * lists' total is a sum over a few rows instead of a count over every matching job.
 */
export class JobHistory1764270000000 implements MigrationInterface {
  name = 'JobHistory1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of OLD_INDEXES) await queryRunner.query(`DROP INDEX "${name}"`);
    for (const [name, columns] of LIST_INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "jobs" (${columns.map((column) => `"${column}"`).join(', ')})`);
    }
    await queryRunner.query(
      `CREATE TABLE "job_counts" ("status" varchar(16) NOT NULL, "type" varchar(32) NOT NULL, "repository_id" integer NOT NULL, "schedule_id" integer NOT NULL, "jobs" integer NOT NULL, PRIMARY KEY ("status", "type", "repository_id", "schedule_id")) WITHOUT ROWID`,
    );
    await queryRunner.query(
      `INSERT INTO "job_counts" (status, type, repository_id, schedule_id, jobs)
       SELECT status, type, IFNULL(repository_id, 0), IFNULL(schedule_id, 0), COUNT(*) FROM "jobs" GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query(`CREATE TRIGGER "job_counts_insert" AFTER INSERT ON "jobs" BEGIN ${countIn('NEW')} END`);
    await queryRunner.query(`CREATE TRIGGER "job_counts_delete" AFTER DELETE ON "jobs" BEGIN ${countOut('OLD')} END`);
    await queryRunner.query(
      `CREATE TRIGGER "job_counts_update" AFTER UPDATE OF status, type, repository_id, schedule_id ON "jobs" BEGIN ${countOut('OLD')} ${countIn('NEW')} END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['job_counts_update', 'job_counts_delete', 'job_counts_insert'])
      await queryRunner.query(`DROP TRIGGER "${trigger}"`);
    await queryRunner.query(`DROP TABLE "job_counts"`);
    for (const [name] of LIST_INDEXES) await queryRunner.query(`DROP INDEX "${name}"`);
    for (const [name, column] of OLD_INDEXES) await queryRunner.query(`CREATE INDEX "${name}" ON "jobs" ("${column}")`);
  }
}
