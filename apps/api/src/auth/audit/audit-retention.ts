import { setImmediate as nextTurn } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { AuditLog } from './audit-log';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 1000;

/** Keeps the audit trail to BORGITORY_AUDIT_RETENTION_DAYS: at start and then daily, in batches. */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: AuditLog,
  ) {}

  onApplicationBootstrap(): void {
    setImmediate(() => void this.run());
    this.timer = setInterval(() => void this.run(), DAY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.pass;
  }

  run(): Promise<void> {
    this.pass ??= this.removeExpired()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Removing old audit entries failed; trying again tomorrow'))
      .finally(() => (this.pass = null));
    return this.pass;
  }

  private async removeExpired(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.auditRetentionDays * DAY_MS);
    while (!this.stopping && (await this.log.removeBefore(cutoff, BATCH)) === BATCH) await nextTurn();
  }
}
