import { AuthSettings } from './auth-settings';
import { addressBlock, LoginAttempt, LoginClient, LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const settings = new AuthSettings();
  const window = settings.failedLoginWindowMs;
  let now: number;
  let throttle: LoginThrottle;
  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle(settings, () => now);
  });

  const stranger = (address: string, account = 'admin'): LoginClient => ({ address, account, deviceId: null });
  const owner: LoginClient = { address: '10.0.0.1', account: 'admin', deviceId: 'device-1' };
  const fail = (client: LoginClient, times: number) => {
    for (let i = 0; i < times; i++) expect(throttle.begin(client).allowed).toBe(true);
  };
  const retryAfter = (attempt: LoginAttempt) => (attempt.allowed ? 0 : attempt.retryAfterSeconds);

  it(`lets a client try until ${settings.maxFailuresPerClient} failures, then says how long to wait`, () => {
    fail(stranger('10.0.0.2'), settings.maxFailuresPerClient);
    expect(retryAfter(throttle.begin(stranger('10.0.0.2')))).toBe(window / 1000);
    now += 60_000;
    expect(retryAfter(throttle.begin(stranger('10.0.0.2')))).toBe(window / 1000 - 60);
    expect(throttle.begin(stranger('10.0.0.3')).allowed).toBe(true);
  });

  it('counts an attempt from the moment it is let through, so parallel attempts cannot overtake the limit', () => {
    const attempts = Array.from({ length: 100 }, () => throttle.begin(stranger('10.0.0.2')));
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(settings.maxFailuresPerClient);
  });

  it('forgets failures once they leave the window', () => {
    fail(stranger('10.0.0.2'), settings.maxFailuresPerClient);
    now += window + 1;
    expect(throttle.begin(stranger('10.0.0.2')).allowed).toBe(true);
  });

  it("forgets a client's failures when it succeeds", () => {
    fail(stranger('10.0.0.2'), settings.maxFailuresPerClient - 1);
    const attempt = throttle.begin(stranger('10.0.0.2'));
    if (!attempt.allowed) throw new Error('refused');
    attempt.succeeded();
    fail(stranger('10.0.0.2'), settings.maxFailuresPerClient);
  });

  it('caps failures per account across addresses, but not for the browser holding its device token', () => {
    const addresses = settings.maxFailuresPerAccount / settings.maxFailuresPerClient;
    for (let i = 0; i < addresses; i++) fail(stranger(`192.0.2.${i}`), settings.maxFailuresPerClient);
    expect(throttle.begin(stranger('192.0.2.200')).allowed).toBe(false);
    expect(throttle.begin(stranger('192.0.2.200', 'other')).allowed).toBe(true);
    expect(throttle.begin(owner).allowed).toBe(true);
  });

  it("counts a device token's failures on its own counter only", () => {
    fail(owner, settings.maxFailuresPerClient);
    expect(throttle.begin(owner).allowed).toBe(false);
    expect(throttle.begin({ ...owner, deviceId: 'device-2' }).allowed).toBe(true);
    expect(throttle.begin(stranger(owner.address)).allowed).toBe(true);
  });

  it('counts IPv6 clients per /64 and IPv4-mapped ones as IPv4', () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBlock('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressBlock('192.0.2.7')).toBe('192.0.2.7');
    fail(stranger('2001:db8:1:2::1'), settings.maxFailuresPerClient);
    expect(throttle.begin(stranger('2001:db8:1:2::ffff')).allowed).toBe(false);
  });
});
