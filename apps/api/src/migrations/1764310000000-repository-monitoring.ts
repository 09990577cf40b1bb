import { MigrationInterface, QueryRunner } from 'typeorm';

const REPOSITORY_COLUMNS = [
  ['max_age_hours', 'integer'],
  ['newest_archive_at', 'datetime'],
  ['overdue_since', 'datetime'],
  ['archive_expected_by', 'datetime'],
  ['expectation', 'varchar(1000)'],
  ['unreachable_since', 'datetime'],
  ['low_space_since', 'datetime'],
] as const;

/**
 * What the repository monitor needs: the expectation set per repository (max_age_hours), the newest archive of the
 * stored list (kept as a column so that lists stay one query), and the state of each alert, so that an event fires
 * once per episode across restarts. A schedule's fire times count for overdue only from active_since on.
 */
export class RepositoryMonitoring1764310000000 implements MigrationInterface {
  name = 'RepositoryMonitoring1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [column, type] of REPOSITORY_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "repositories" ADD COLUMN "${column}" ${type}`);
    }
    await queryRunner.query(
      `UPDATE "repositories" SET "newest_archive_at" = (SELECT MAX("started_at") FROM "archives" WHERE "archives"."repository_id" = "repositories"."id")`,
    );
    await queryRunner.query(`ALTER TABLE "schedules" ADD COLUMN "active_since" datetime`);
    await queryRunner.query(`UPDATE "schedules" SET "active_since" = "updated_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedules" DROP COLUMN "active_since"`);
    for (const [column] of [...REPOSITORY_COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE "repositories" DROP COLUMN "${column}"`);
    }
  }
}
