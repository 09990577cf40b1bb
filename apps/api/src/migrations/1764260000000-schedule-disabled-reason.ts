import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why Borgitory switched a schedule off: its timer could not be set (an expression that never fires, for one). */
export class ScheduleDisabledReason1764260000000 implements MigrationInterface {
  name = 'ScheduleDisabledReason1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedules" ADD COLUMN "disabled_reason" varchar(500)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedules" DROP COLUMN "disabled_reason"`);
  }
}
