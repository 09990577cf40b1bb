import { checkChannelConfig } from './channel-config';

describe('channel config', () => {
  it('keeps an Apprise URL secret and shows it masked', () => {
    const checked = checkChannelConfig('apprise', { url: 'discord://1234/secret-token' }, {});
    expect(checked.problems).toEqual({});
    expect(checked.settings).toEqual({});
    expect(checked.secrets).toEqual({ url: 'discord://1234/secret-token' });
    expect(checked.target).not.toContain('secret-token');
  });

  it('keeps a stored secret that the request leaves out, and requires one otherwise', () => {
    const kept = checkChannelConfig('webhook', { url: 'https://hooks.example.org/in?token=abc' }, { secret: 's'.repeat(20) });
    expect(kept.problems).toEqual({});
    expect(kept.secrets).toEqual({ secret: 's'.repeat(20) });
    expect(kept.target).toBe('https://hooks.example.org/in?token=****');
    expect(checkChannelConfig('webhook', { url: 'https://hooks.example.org/' }, {}).problems).toEqual({
      'config.secret': ['secret is required'],
    });
  });

  it('refuses what is not a webhook address, a short secret and unknown fields', () => {
    const checked = checkChannelConfig('webhook', { url: 'file:///etc/passwd', secret: 'short', extra: 1 }, {});
    expect(Object.keys(checked.problems).sort()).toEqual(['config.extra', 'config.secret', 'config.url']);
    expect(
      checkChannelConfig('webhook', { url: 'https://user:pw@example.org/', secret: 's'.repeat(20) }, {}).problems['config.url'],
    ).toHaveLength(1);
  });

  it('refuses an Apprise URL that could be read as an option or as two URLs', () => {
    expect(checkChannelConfig('apprise', { url: '--config=/etc/passwd' }, {}).problems['config.url']).toHaveLength(1);
    expect(checkChannelConfig('apprise', { url: 'json://a/b\njson://c/d' }, {}).problems['config.url']).toHaveLength(1);
  });
});
