import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Storage over time. `added_size` keeps the space each archive added (its deduplicated size when it was made, or
 * when `borg info` first read it): `deduplicated_size` is cleared whenever an archive of the repository goes, and
 * the history must not lose it then. `backup_sources` names the sources and exclusions of the backup that made the
 * archive here, so that the next backup of the same sources can estimate how far along it is.
 */
export class ArchiveStatistics1764330000000 implements MigrationInterface {
  name = 'ArchiveStatistics1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "archives" ADD COLUMN "added_size" integer`);
    await queryRunner.query(`ALTER TABLE "archives" ADD COLUMN "backup_sources" text`);
    await queryRunner.query(`UPDATE "archives" SET "added_size" = "deduplicated_size" WHERE "deduplicated_size" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "archives" DROP COLUMN "backup_sources"`);
    await queryRunner.query(`ALTER TABLE "archives" DROP COLUMN "added_size"`);
  }
}
