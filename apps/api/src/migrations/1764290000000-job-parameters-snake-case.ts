import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the old camelCase names sat: the rules of prune jobs and steps, the options of check jobs and steps. */
const RENAMES: Array<{ type: 'prune' | 'check'; object: string; names: Array<[camel: string, snake: string]> }> = [
  {
    type: 'prune',
    object: 'rules',
    names: [
      ['keepWithin', 'keep_within'],
      ['keepLast', 'keep_last'],
      ['keepSecondly', 'keep_secondly'],
      ['keepMinutely', 'keep_minutely'],
      ['keepHourly', 'keep_hourly'],
      ['keepDaily', 'keep_daily'],
      ['keepWeekly', 'keep_weekly'],
      ['keepMonthly', 'keep_monthly'],
      ['keepYearly', 'keep_yearly'],
      ['globArchives', 'glob_archives'],
    ],
  },
  {
    type: 'check',
    object: 'options',
    names: [
      ['repositoryOnly', 'repository_only'],
      ['archivesOnly', 'archives_only'],
      ['verifyData', 'verify_data'],
      ['maxDuration', 'max_duration'],
      ['globArchives', 'glob_archives'],
    ],
  },
];

/**
 * Jobs stored prune rules and check options under borg-runner's camelCase names inside an otherwise snake_case
 * payload; the job contract now names them as the policies do. Stored jobs are renamed in place (their retries run
 * by the stored parameters), values kept as JSON (`->`), so that true stays true.
 */
export class JobParametersSnakeCase1764290000000 implements MigrationInterface {
  name = 'JobParametersSnakeCase1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'up');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'down');
  }

  private async rename(queryRunner: QueryRunner, direction: 'up' | 'down'): Promise<void> {
    for (const { type, object, names } of RENAMES) {
      for (const [camel, snake] of names) {
        const [from, to] =
          direction === 'up' ? [`$.${object}.${camel}`, `$.${object}.${snake}`] : [`$.${object}.${snake}`, `$.${object}.${camel}`];
        for (const table of ['jobs', 'job_steps']) {
          await queryRunner.query(
            `UPDATE "${table}" SET "parameters" = json_set(json_remove("parameters", ?), ?, json("parameters" -> ?))
             WHERE "type" = ? AND "parameters" IS NOT NULL AND json_type("parameters", ?) IS NOT NULL`,
            [from, to, from, type, from],
          );
        }
      }
    }
  }
}
