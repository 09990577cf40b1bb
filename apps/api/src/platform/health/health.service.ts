import { Inject, Injectable } from '@nestjs/common';
import { readBorgVersion } from '@borgitory/borg-runner';
import { RcloneRunner } from '@borgitory/rclone-runner';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { API_VERSION } from '../openapi/openapi-document';
import { CachedVersionCheck } from './cached-version-check';
import { HealthCheckDto, HealthDto } from './health.dto';

@Injectable()
export class HealthService {
  private readonly borg: CachedVersionCheck;
  private readonly rclone: CachedVersionCheck;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    rclone: RcloneRunner,
  ) {
    this.borg = new CachedVersionCheck(() => readBorgVersion(config.borgBin));
    this.rclone = new CachedVersionCheck(() => rclone.version());
  }

  /** Unhealthy without the database or borg; rclone is reported, but only cloud sync needs it. */
  async check(): Promise<HealthDto> {
    const [database, borg, rclone] = await Promise.all([this.checkDatabase(), this.borg.check(), this.rclone.check()]);
    return { status: database.ok && borg.ok ? 'ok' : 'unhealthy', version: API_VERSION, database, borg, rclone };
  }

  private async checkDatabase(): Promise<HealthCheckDto> {
    try {
      await this.dataSource.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
}
