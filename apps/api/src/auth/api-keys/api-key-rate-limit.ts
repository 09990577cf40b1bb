interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Requests per API key: a token bucket holding a minute's worth (BORGITORY_API_KEY_RATE_LIMIT), refilled evenly, so
 * that a script may burst but not go on faster than the limit. In memory: a restart gives every key a full bucket.
 */
export class ApiKeyRateLimit {
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(keyId: number): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(keyId) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updatedAt) * this.perMinute) / 60_000);
    bucket.updatedAt = now;
    this.buckets.set(keyId, bucket);
    if (bucket.tokens < 1) return { allowed: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute) };
    bucket.tokens -= 1;
    return { allowed: true };
  }

  /** A revoked key needs no bucket. */
  forget(keyId: number): void {
    this.buckets.delete(keyId);
  }
}
