import { describeUserAgent } from './user-agent-words';

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on Linux'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari on macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'Headless Chrome on Linux',
    ],
    ['curl/8.5.0', 'curl'],
  ])('%s is %s', (userAgent, words) => {
    expect(describeUserAgent(userAgent)).toBe(words);
  });

  it('says an empty user agent is unknown', () => {
    expect(describeUserAgent('  ')).toBe('An unknown client');
  });

  it('keeps what an unknown client said, shortened', () => {
    expect(describeUserAgent('borg-backup-script/1.0')).toBe('borg-backup-script/1.0');
    expect(describeUserAgent('x'.repeat(80))).toBe(`${'x'.repeat(59)}…`);
  });

  it('names the system when the browser is unknown', () => {
    expect(describeUserAgent('SomeBrowser/1.0 (Windows NT 10.0)')).toBe('A browser on Windows');
  });
});
