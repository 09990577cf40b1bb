import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outcome of each host's last connection test, which the hosts list and the dashboard show as its reachability. */
export class HostTests1764420000000 implements MigrationInterface {
  name = 'HostTests1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hosts" ADD COLUMN "last_test_at" datetime`);
    await queryRunner.query(`ALTER TABLE "hosts" ADD COLUMN "last_test_ok" boolean`);
    await queryRunner.query(`ALTER TABLE "hosts" ADD COLUMN "last_test_message" varchar(1000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hosts" DROP COLUMN "last_test_message"`);
    await queryRunner.query(`ALTER TABLE "hosts" DROP COLUMN "last_test_ok"`);
    await queryRunner.query(`ALTER TABLE "hosts" DROP COLUMN "last_test_at"`);
  }
}
