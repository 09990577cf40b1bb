import { Inject, Injectable } from '@nestjs/common';
import { AppriseRunner } from '@borgitory/apprise-runner';
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
  private readonly apprise: CachedVersionCheck;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    rclone: RcloneRunner,
    apprise: AppriseRunner,
  ) {
    this.borg = new CachedVersionCheck(() => readBorgVersion(config.borgBin));
    this.rclone = new CachedVersionCheck(() => rclone.version());
    this.apprise = new CachedVersionCheck(async () => {
      const version = await apprise.version();
      if (version === null) throw new Error(`apprise is not installed (${config.appriseBin} was not found); only webhooks can notify`);
      return version;
    });
  }

  /** Unhealthy without the database or borg; rclone and apprise are reported, but only cloud sync and notifications need them. */
  async check(): Promise<HealthDto> {
    const [database, borg, rclone, apprise] = await Promise.all([
      this.checkDatabase(),
      this.borg.check(),
      this.rclone.check(),
      this.apprise.check(),
    ]);
    return { status: database.ok && borg.ok ? 'ok' : 'unhealthy', version: API_VERSION, database, borg, rclone, apprise };
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
