import { Inject, Injectable } from '@nestjs/common';
import { readBorgVersion } from '@borgitory/borg-runner';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { API_VERSION } from '../openapi/openapi-document';
import { HealthCheckDto, HealthDto } from './health.dto';

const BORG_CHECK_TTL_MS = 60_000;

@Injectable()
export class HealthService {
  private borgCheck: { at: number; result: Promise<HealthCheckDto> } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthDto> {
    const [database, borg] = await Promise.all([this.checkDatabase(), this.checkBorg()]);
    return { status: database.ok && borg.ok ? 'ok' : 'unhealthy', version: API_VERSION, database, borg };
  }

  private async checkDatabase(): Promise<HealthCheckDto> {
    try {
      await this.dataSource.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  /** `borg --version` costs a process start, so its answer is kept for a minute. */
  private checkBorg(): Promise<HealthCheckDto> {
    if (!this.borgCheck || Date.now() - this.borgCheck.at > BORG_CHECK_TTL_MS) {
      const result = readBorgVersion(this.config.borgBin).then(
        (version) => ({ ok: true, version }),
        (error: Error) => ({ ok: false, error: error.message }),
      );
      this.borgCheck = { at: Date.now(), result };
    }
    return this.borgCheck.result;
  }
}
