import { Injectable } from '@nestjs/common';

export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Counts failed logins per client address in a sliding window. In memory: a restart forgets, which is acceptable. */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until the client may try again, or 0 when it may try now. */
  retryAfterSeconds(client: string): number {
    const recent = this.recent(client);
    if (recent.length < MAX_FAILED_LOGINS) return 0;
    return Math.ceil((recent[0] + FAILED_LOGIN_WINDOW_MS - this.now()) / 1000);
  }

  recordFailure(client: string): void {
    const recent = this.recent(client);
    recent.push(this.now());
    this.failures.set(client, recent);
  }

  recordSuccess(client: string): void {
    this.failures.delete(client);
  }

  private recent(client: string): number[] {
    const since = this.now() - FAILED_LOGIN_WINDOW_MS;
    const recent = (this.failures.get(client) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.failures.delete(client);
    return recent;
  }
}
