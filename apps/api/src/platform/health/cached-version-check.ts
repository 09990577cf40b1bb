import { HealthCheckDto } from './health.dto';

const TTL_MS = 60_000;

/** A binary's `--version` costs a process start, so its answer is kept for a minute. */
export class CachedVersionCheck {
  private last: { at: number; result: Promise<HealthCheckDto> } | undefined;

  constructor(private readonly readVersion: () => Promise<string>) {}

  check(): Promise<HealthCheckDto> {
    if (!this.last || Date.now() - this.last.at > TTL_MS) {
      const result = this.readVersion().then(
        (version) => ({ ok: true, version }),
        (error: Error) => ({ ok: false, error: error.message }),
      );
      this.last = { at: Date.now(), result };
    }
    return this.last.result;
  }
}
