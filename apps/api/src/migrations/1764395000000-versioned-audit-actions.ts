import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit entries name operations by their canonical path, `/api/v1/...`, since the API has versions: older ones too. */
export class VersionedAuditActions1764395000000 implements MigrationInterface {
  name = 'VersionedAuditActions1764395000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "audit_entries" SET "action" = replace("action", ' /api/', ' /api/v1/') WHERE "action" NOT LIKE '% /api/v1/%'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "audit_entries" SET "action" = replace("action", ' /api/v1/', ' /api/')`);
  }
}
