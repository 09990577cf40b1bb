import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DeliveryStore } from './delivery-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The delivery log keeps what the job history keeps: BORGITORY_JOB_RETENTION_DAYS, checked at start and daily. */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DeliveryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const removed = await this.store.removeOlderThan(new Date(Date.now() - this.config.jobRetentionDays * DAY_MS));
      if (removed > 0) this.logger.log(`Removed ${removed} notification deliveries older than ${this.config.jobRetentionDays} days`);
    } catch (error) {
      this.logger.error({ err: error }, 'Removing old notification deliveries failed');
    }
  }
}
