import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_channels" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "type" varchar(16) NOT NULL, "settings" text NOT NULL, "secrets_sealed" text NOT NULL, "target" varchar(2048) NOT NULL, "events" text NOT NULL, "repository_ids" text, "enabled" boolean NOT NULL DEFAULT (1), "title_template" varchar(500), "body_template" text, "throttle_minutes" integer NOT NULL DEFAULT (60), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_notification_channels_name" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uuid" varchar(36) NOT NULL, "channel_id" integer NOT NULL, "event" varchar(32) NOT NULL, "payload" text NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime, "throttle_key" varchar(200), "reason" text, "created_at" datetime NOT NULL, "delivered_at" datetime, CONSTRAINT "UQ_notification_deliveries_uuid" UNIQUE ("uuid"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_deliveries_list" ON "notification_deliveries" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_deliveries_channel" ON "notification_deliveries" ("channel_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_deliveries_status" ON "notification_deliveries" ("status", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_deliveries_event" ON "notification_deliveries" ("event", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_deliveries_due" ON "notification_deliveries" ("status", "next_attempt_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_deliveries_throttle" ON "notification_deliveries" ("channel_id", "throttle_key", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_attempts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "delivery_id" integer NOT NULL, "attempted_at" datetime NOT NULL, "ok" boolean NOT NULL, "http_status" integer, "reason" text, "duration_ms" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_attempts_delivery" ON "notification_attempts" ("delivery_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_attempts"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TABLE "notification_channels"`);
  }
}
