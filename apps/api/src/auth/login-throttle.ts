import { Injectable } from '@nestjs/common';
import { isIPv6 } from 'node:net';
import { AuthSettings } from './auth-settings';

/** Who is trying to log in, as far as throttling is concerned. */
export interface LoginClient {
  /** The client's address: the connection's, or what a trusted proxy says. */
  address: string;
  /** The username tried (case-insensitive). */
  account: string;
  /** The device id of a valid device token issued for this account, or null. */
  deviceId: string | null;
}

export type LoginAttempt =
  | { allowed: true; /** The password was right: the client's failures are forgotten. */ succeeded(): void }
  | { allowed: false; retryAfterSeconds: number };

interface Counter {
  key: string;
  limit: number;
}

/**
 * Counts failed logins in a sliding window, so that passwords cannot be guessed at speed.
 *
 * A browser holding a device token for the account (from an earlier login there) counts on its own: a
 * stranger hammering the account cannot lock its owner out. Every other client counts per address
 * (IPv6 per /64, what one host usually holds) and, all together, per account, which caps guessing from
 * many addresses. Each attempt counts as a failure from the moment it is let through, in the same
 * synchronous step as the check, and stops counting when it succeeds: parallel guesses cannot overtake
 * the limit while their passwords are being checked. In memory: a restart forgets, which is acceptable.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly settings: AuthSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  begin(client: LoginClient): LoginAttempt {
    const now = this.now();
    this.sweep(now);
    const counters = this.countersOf(client);
    let waitMs = 0;
    for (const { key, limit } of counters) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) {
        waitMs = Math.max(waitMs, recent[recent.length - limit] + this.settings.failedLoginWindowMs - now);
      }
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const { key } of counters) this.failures.set(key, [...this.recent(key, now), now]);
    return {
      allowed: true,
      succeeded: () => {
        for (const { key } of counters) this.failures.delete(key);
      },
    };
  }

  private countersOf(client: LoginClient): Counter[] {
    if (client.deviceId !== null) return [{ key: `device ${client.deviceId}`, limit: this.settings.maxFailuresPerClient }];
    return [
      { key: `address ${addressBlock(client.address)}`, limit: this.settings.maxFailuresPerClient },
      { key: `account ${client.account.toLowerCase()}`, limit: this.settings.maxFailuresPerAccount },
    ];
  }

  /** The failures of a counter still in the window; a counter with none is dropped. */
  private recent(key: string, now: number): number[] {
    const since = now - this.settings.failedLoginWindowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (recent.length > 0) this.failures.set(key, recent);
    else this.failures.delete(key);
    return recent;
  }

  /** Once a window, drops the counters nobody has used since, so that memory stays bounded. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.settings.failedLoginWindowMs) return;
    this.lastSweep = now;
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

/** The address a counter is kept for: IPv4 as it is, IPv6 by its /64 (an IPv4-mapped one as IPv4). */
export function addressBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail] = address.split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
