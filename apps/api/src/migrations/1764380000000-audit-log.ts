import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what, when, from where, and how it ended: one row per change and per sensitive read. Rows keep the user's
 * id and name as they were (no foreign key: the trail outlives a deleted user). The indexes serve the filters of
 * GET /api/audit, each newest first.
 */
export class AuditLog1764380000000 implements MigrationInterface {
  name = 'AuditLog1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "occurred_at" datetime NOT NULL,
        "user_id" integer,
        "username" varchar(64),
        "api_key_id" integer,
        "address" varchar(64) NOT NULL,
        "action" varchar(160) NOT NULL,
        "target" text NOT NULL,
        "status" integer NOT NULL,
        "outcome" varchar(16) NOT NULL
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_occurred_at" ON "audit_entries" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_user" ON "audit_entries" ("user_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_action" ON "audit_entries" ("action", "occurred_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
