import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckPolicies1764230000000 implements MigrationInterface {
  name = 'CheckPolicies1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "check_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "scope" varchar(16) NOT NULL, "verify_data" boolean NOT NULL DEFAULT (0), "max_duration" integer, "glob_archives" varchar(255), "first_archives" integer, "last_archives" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_check_policies_name" UNIQUE ("name"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "check_policies"`);
  }
}
