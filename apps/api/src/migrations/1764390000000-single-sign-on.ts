import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user who signs in through OpenID Connect is found again by the provider's subject, never by name. */
export class SingleSignOn1764390000000 implements MigrationInterface {
  name = 'SingleSignOn1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "oidc_subject" varchar(512)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_users_oidc_subject" ON "users" ("oidc_subject")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_users_oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject"`);
  }
}
