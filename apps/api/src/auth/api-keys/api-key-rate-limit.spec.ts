import { ApiKeyRateLimit } from './api-key-rate-limit';

describe('ApiKeyRateLimit', () => {
  let now: number;
  const limit = (perMinute: number) => new ApiKeyRateLimit(perMinute, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a minute’s worth through at once, then refuses until a request’s share has come back', () => {
    const rate = limit(60);
    for (let i = 0; i < 60; i++) expect(rate.take(1)).toEqual({ allowed: true });
    expect(rate.take(1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(rate.take(1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(rate.take(1)).toEqual({ allowed: true });
    expect(rate.take(1).allowed).toBe(false);
  });

  it('counts each key on its own, and says how long to wait', () => {
    const rate = limit(2);
    expect(rate.take(1).allowed).toBe(true);
    expect(rate.take(1).allowed).toBe(true);
    expect(rate.take(1)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(rate.take(2).allowed).toBe(true);
  });

  it('refills no further than the limit', () => {
    const rate = limit(3);
    rate.take(1);
    now += 3_600_000;
    for (let i = 0; i < 3; i++) expect(rate.take(1).allowed).toBe(true);
    expect(rate.take(1).allowed).toBe(false);
  });

  it('starts a forgotten key afresh', () => {
    const rate = limit(1);
    rate.take(1);
    expect(rate.take(1).allowed).toBe(false);
    rate.forget(1);
    expect(rate.take(1).allowed).toBe(true);
  });
});
