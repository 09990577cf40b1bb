import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = [
  'id',
  'name',
  'repository_id',
  'source_paths',
  'archive_name',
  'compression',
  'exclude_patterns',
  'one_file_system',
  'cron_expression',
  'timezone',
  'enabled',
  'pruning_policy_id',
  'check_policy_id',
  'cloud_sync_config_id',
  'pre_hooks',
  'post_hooks',
  'catch_up',
  'handled_until',
  'created_at',
  'updated_at',
  'disabled_reason',
  'active_since',
];

const BASE_DEFINITION = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "repository_id" integer NOT NULL, "source_paths" text NOT NULL, "archive_name" varchar(200) NOT NULL, "compression" varchar(32) NOT NULL, "exclude_patterns" text NOT NULL, "one_file_system" boolean NOT NULL DEFAULT (0), "cron_expression" varchar(200) NOT NULL, "timezone" varchar(64) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "pruning_policy_id" integer, "check_policy_id" integer, "cloud_sync_config_id" integer, "pre_hooks" text NOT NULL, "post_hooks" text NOT NULL, "catch_up" boolean NOT NULL DEFAULT (0), "handled_until" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "disabled_reason" varchar(500), "active_since" datetime`;

const POLICY_KEYS = `CONSTRAINT "UQ_schedules_name" UNIQUE ("name"), CONSTRAINT "FK_ec6ab00c0ff887b360e997c53db" FOREIGN KEY ("check_policy_id") REFERENCES "check_policies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_3f18fcc01d4c16f27043f21f7b8" FOREIGN KEY ("pruning_policy_id") REFERENCES "pruning_policies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`;

const HOST_KEY = `CONSTRAINT "FK_schedules_host" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`;

/**
 * A schedule can back up a host (pull mode): `host_id`, with a foreign key that keeps a host while a schedule names
 * it. SQLite adds a foreign key only by rebuilding the table, so the table is copied into its new shape.
 */
export class ScheduleHosts1764440000000 implements MigrationInterface {
  name = 'ScheduleHosts1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, `${BASE_DEFINITION}, "host_id" integer, ${POLICY_KEYS}, ${HOST_KEY}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, `${BASE_DEFINITION}, ${POLICY_KEYS}`);
  }
}

/** The table in a new definition, with every row and the columns both shapes share; its indexes made again. */
async function rebuild(queryRunner: QueryRunner, definition: string): Promise<void> {
  const columns = COLUMNS.map((column) => `"${column}"`).join(', ');
  await queryRunner.query(`CREATE TABLE "temporary_schedules" (${definition})`);
  await queryRunner.query(`INSERT INTO "temporary_schedules" (${columns}) SELECT ${columns} FROM "schedules"`);
  await queryRunner.query(`DROP TABLE "schedules"`);
  await queryRunner.query(`ALTER TABLE "temporary_schedules" RENAME TO "schedules"`);
  await queryRunner.query(`CREATE INDEX "idx_schedules_created" ON "schedules" ("created_at", "id")`);
  await queryRunner.query(`CREATE INDEX "idx_schedules_repository_id" ON "schedules" ("repository_id")`);
}
