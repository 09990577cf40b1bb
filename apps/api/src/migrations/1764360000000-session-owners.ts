import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each session row names its user (written from the session's data), so that a user's sessions can be listed and
 * ended without reading every row: after a password change, a reset by an admin, or from the settings page.
 */
export class SessionOwners1764360000000 implements MigrationInterface {
  name = 'SessionOwners1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" ADD COLUMN "user_id" integer`);
    await queryRunner.query(`UPDATE "sessions" SET "user_id" = json_extract("data", '$.userId')`);
    await queryRunner.query(`CREATE INDEX "idx_sessions_user_id" ON "sessions" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_sessions_user_id"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "user_id"`);
  }
}
