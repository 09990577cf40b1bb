import { presentsMetricsToken } from './metrics-token';

const TOKEN = 'f3a9c1d2e4b5a6978877665544332211';

describe('presentsMetricsToken', () => {
  it('accepts the configured token as a bearer token', () => {
    expect(presentsMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsMetricsToken(`bearer  ${TOKEN} `, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['another token', `Bearer ${TOKEN.replace('f', 'e')}`],
    ['a prefix of it', `Bearer ${TOKEN.slice(0, 31)}`],
    ['more than it', `Bearer ${TOKEN}0`],
    ['another scheme', `Basic ${TOKEN}`],
    ['no token', 'Bearer'],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
  ])('refuses %s', (_, header) => {
    expect(presentsMetricsToken(header, TOKEN)).toBe(false);
  });

  it('refuses everything when no token is configured', () => {
    expect(presentsMetricsToken('Bearer ', null)).toBe(false);
    expect(presentsMetricsToken(`Bearer ${TOKEN}`, null)).toBe(false);
  });
});
