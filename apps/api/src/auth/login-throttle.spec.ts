import { FAILED_LOGIN_WINDOW_MS, LoginThrottle, MAX_FAILED_LOGINS } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(() => now);

  it(`lets a client try until ${MAX_FAILED_LOGINS} failures, then says how long to wait`, () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) throttle.recordFailure('10.0.0.1');
    expect(throttle.retryAfterSeconds('10.0.0.1')).toBe(0);
    throttle.recordFailure('10.0.0.1');
    expect(throttle.retryAfterSeconds('10.0.0.1')).toBe(FAILED_LOGIN_WINDOW_MS / 1000);
    expect(throttle.retryAfterSeconds('10.0.0.2')).toBe(0);
  });

  it('forgets failures once they leave the window', () => {
    now += FAILED_LOGIN_WINDOW_MS + 1;
    expect(throttle.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('clears a client on success', () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) throttle.recordFailure('10.0.0.3');
    throttle.recordSuccess('10.0.0.3');
    expect(throttle.retryAfterSeconds('10.0.0.3')).toBe(0);
  });
});
