import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optional TOTP two-factor sign-in: each user's sealed secret (active, or pending until confirmed), when it was
 * turned on, the last time step accepted (no code twice), and the unused recovery codes as keyed digests.
 */
export class TwoFactor1764370000000 implements MigrationInterface {
  name = 'TwoFactor1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "totp_pending_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "totp_enabled_at" datetime`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "totp_last_step" integer`);
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "code_hash" varchar(64) NOT NULL, CONSTRAINT "FK_fb82b2ac740ca095b617afad031" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_recovery_codes_user_code" ON "recovery_codes" ("user_id", "code_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_recovery_codes_user_code"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
  }
}
