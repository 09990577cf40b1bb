import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users get a role; the users of an upgraded server (there was one) keep every right they had: admin. */
export class UserRoles1764340000000 implements MigrationInterface {
  name = 'UserRoles1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "role" varchar(16) NOT NULL DEFAULT ('admin')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "role"`);
  }
}
