import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SecretsService } from '../platform/secrets/secrets.service';

export const DEVICE_TOKEN_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;
const MAX_TOKEN_LENGTH = 256;

/**
 * Device tokens (OWASP's "device cookies"): a successful login gives the browser a signed token naming the
 * user, so that its later logins are throttled on their own counter and a stranger's failures cannot lock
 * it out. `<user id>.<issued, epoch seconds>.<device id>.<HMAC-SHA-256>`; nothing is stored server-side.
 */
@Injectable()
export class DeviceTokens {
  private readonly key: Buffer;

  constructor(
    secrets: SecretsService,
    private readonly now: () => number = Date.now,
  ) {
    this.key = secrets.subkey('login-device-token');
  }

  issue(userId: number): string {
    const payload = `${userId}.${Math.floor(this.now() / 1000)}.${randomBytes(16).toString('base64url')}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The device id of a genuine, unexpired token issued to this user; null for anything else. */
  deviceOf(token: string | undefined, userId: number): string | null {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const parts = token.split('.');
    if (parts.length !== 4) return null;
    const [user, issued, device, signature] = parts;
    const expected = Buffer.from(this.sign(`${user}.${issued}.${device}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (user !== String(userId) || Number(issued) * 1000 + DEVICE_TOKEN_MAX_AGE_MS <= this.now()) return null;
    return device;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
