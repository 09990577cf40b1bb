import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys: each acts as its user, within its scope. Only a hash of the key is kept (see ApiKeyEntity). */
export class ApiKeys1764350000000 implements MigrationInterface {
  name = 'ApiKeys1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "name" varchar(100) NOT NULL, "prefix" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL, "scope" varchar(16) NOT NULL, "expires_at" datetime, "last_used_at" datetime, "last_used_from" varchar(64), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "revoked_at" datetime, CONSTRAINT "FK_api_keys_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_api_keys_key_hash" ON "api_keys" ("key_hash")`);
    await queryRunner.query(`CREATE INDEX "idx_api_keys_user" ON "api_keys" ("user_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_api_keys_user"`);
    await queryRunner.query(`DROP INDEX "idx_api_keys_key_hash"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
