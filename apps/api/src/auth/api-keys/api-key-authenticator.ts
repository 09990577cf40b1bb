import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { Principal } from '../authenticated-request';
import { UsersService } from '../users.service';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRateLimit } from './api-key-rate-limit';
import { keyRole } from './api-key-scopes';
import { apiKeyHash } from './api-key-token';

/** A key's use is written to the database at most this often (a script may call many times a second). */
const USE_RECORD_INTERVAL_MS = 60_000;

/**
 * Turns `Authorization: Bearer <key>` into who acts. The guard asks on every request, so keys found are kept in
 * memory like UsersService keeps users: revoking a key or deleting its owner drops them. Unknown keys are not kept.
 * The owner is looked up on every request, so a changed role applies at once.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly byHash = new Map<string, Promise<ApiKeyEntity | null>>();
  private readonly known = new Map<number, ApiKeyEntity>();

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly users: UsersService,
    private readonly rateLimit: ApiKeyRateLimit,
  ) {}

  /** Unknown, revoked and expired keys, and keys whose owner is gone: 401. A key over its rate: 429. */
  async authenticate(key: string, address: string): Promise<Principal> {
    const found = await this.find(apiKeyHash(key));
    const now = Date.now();
    if (!found || (found.expiresAt !== null && found.expiresAt.getTime() <= now)) throw DomainError.unauthorized();
    const owner = await this.users.findById(found.userId);
    if (!owner) {
      this.forgetOwner(found.userId);
      throw DomainError.unauthorized();
    }
    const decision = this.rateLimit.take(found.id);
    if (!decision.allowed) {
      const { retryAfterSeconds } = decision;
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many requests with this API key; try again in ${retryAfterSeconds} second(s)`,
        { retry_after_seconds: retryAfterSeconds },
        retryAfterSeconds,
      );
    }
    await this.recordUse(found, now, address);
    return { user: owner, role: keyRole(found.scope, owner.role), apiKeyId: found.id };
  }

  /** After a key is revoked. */
  forget(keyId: number): void {
    const key = this.known.get(keyId);
    if (key) this.byHash.delete(key.keyHash);
    this.known.delete(keyId);
    this.rateLimit.forget(keyId);
  }

  /** After a user is deleted (the database deletes their keys). */
  forgetOwner(userId: number): void {
    for (const key of [...this.known.values()]) if (key.userId === userId) this.forget(key.id);
  }

  private find(keyHash: string): Promise<ApiKeyEntity | null> {
    const cached = this.byHash.get(keyHash);
    if (cached) return cached;
    const found = this.keys.findOneBy({ keyHash, revokedAt: IsNull() });
    this.byHash.set(keyHash, found);
    void found.then(
      (key) => (key ? this.known.set(key.id, key) : this.byHash.delete(keyHash)),
      () => this.byHash.delete(keyHash),
    );
    return found;
  }

  private async recordUse(key: ApiKeyEntity, now: number, address: string): Promise<void> {
    if (key.lastUsedAt !== null && now - key.lastUsedAt.getTime() < USE_RECORD_INTERVAL_MS) return;
    key.lastUsedAt = new Date(now);
    key.lastUsedFrom = address.slice(0, 64);
    await this.keys.update(key.id, { lastUsedAt: key.lastUsedAt, lastUsedFrom: key.lastUsedFrom });
  }
}
