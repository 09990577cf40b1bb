import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A repository's archive list is read newest first (or oldest first) a page at a time. The index on started_at
 * alone left SQLite to sort all of the repository's archives for every page; this one gives the order directly.
 */
export class ArchiveListOrder1764280000000 implements MigrationInterface {
  name = 'ArchiveListOrder1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_archives_started_at"`);
    await queryRunner.query(`CREATE INDEX "idx_archives_repository_started" ON "archives" ("repository_id", "started_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_archives_repository_started"`);
    await queryRunner.query(`CREATE INDEX "idx_archives_started_at" ON "archives" ("started_at")`);
  }
}
