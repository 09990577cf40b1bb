import { appriseUrlProblem, appriseUrlSecrets, maskAppriseUrl } from './apprise-url';

describe('appriseUrlProblem', () => {
  it.each([
    'json://127.0.0.1:8080/hook',
    'discord://1234567890/AbCdEf-token_123',
    'mailto://user:p%40ss@smtp.example.org?to=admin@example.org',
    'tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-100123',
    'ntfys://ntfy.example.org/backups',
    'JSON://example.org/hook',
    'slack://TokenA/TokenB/TokenC/#general',
    `json://example.org/${'a'.repeat(1980)}`,
  ])('accepts %s', (url) => {
    expect(appriseUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', /Enter an Apprise URL/],
    ['discord', /looks like service:\/\//],
    ['https//example.org', /looks like service:\/\//],
    ['discord://', /looks like service:\/\//],
    ['://token', /looks like service:\/\//],
    ['dis-cord://token', /looks like service:\/\//],
    ['-discord://token', /looks like service:\/\//],
    ['nosuch://abc/SECRET', /no service called "nosuch:\/\/"/],
    ['https://hooks.example.org/SECRET', /no service called "https:\/\/"/],
    ['file:///etc/passwd', /no service called "file:\/\/"/],
    ['json://example.org/a\nb', /line breaks/],
    ['json://example.org/a\rb', /line breaks/],
    ['json://example.org/a b', /spaces/],
    [' json://example.org/a', /spaces/],
    ['json://example.org/a\tb', /spaces/],
    ['json://example.org/a\u0000b', /control/],
    ['json://example.org/a\u0085b', /control/],
    ['json://example.org/a\u2028b', /control/],
    ['json://example.org/a\u007fb', /control/],
    [`json://example.org/${'a'.repeat(1990)}`, /at most 2000 characters/],
  ])('refuses %j', (url, problem) => {
    expect(appriseUrlProblem(url)).toMatch(problem);
  });

  it('never quotes the URL', () => {
    for (const url of ['nosuch://abc/SECRET', 'json://example.org/SECRET x', 'SECRET'])
      expect(appriseUrlProblem(url)).not.toContain('SECRET');
  });
});

describe('maskAppriseUrl', () => {
  it.each([
    ['discord://1234567890/AbCdEf-token_123', 'discord://****/****'],
    ['mailto://user:p%40ss@smtp.example.org', 'mailto://user:****@smtp.example.org'],
    ['json://127.0.0.1:8080/hook', 'json://127.0.0.1:8080/hook'],
    ['jsons://hooks.example.org/api/webhooks/Ab12Cd34', 'jsons://hooks.example.org/api/webhooks/****'],
    ['json://localhost/hook?+X-Token=abc&method=POST', 'json://localhost/hook?+X-Token=****&method=****'],
    ['json://[::1]:8080/hook', 'json://[::1]:8080/hook'],
    ['tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-100123', 'tgram://****/****'],
    ['pover://UserKey123@AppToken456', 'pover://****@****'],
    ['mailto://bob@example.org', 'mailto://****@example.org'],
    ['matrixs://AccessToken@matrix.example.org/#room', 'matrixs://****@matrix.example.org/#****'],
    ['slack://TokenA/TokenB/TokenC/#general', 'slack://****/****/****/#****'],
    ['ntfys://ntfy.example.org/backups', 'ntfys://ntfy.example.org/****'],
    ['gotify://gotify/AbCdEf', 'gotify://****/****'],
    ['pbul://o.gn5kj6nfhv736I7jC3cj3QLRiyhgl98b', 'pbul://****'],
    ['json://example.org:port/x', 'json://****/x'],
    ['json://example.org/?a=http://evil.example.org/TOKEN', 'json://example.org/?a=****'],
    ['json://example.org/hook?TOKENWITHOUTVALUE', 'json://example.org/hook?****'],
    ['json://example.org/', 'json://example.org/'],
    ['not a url SECRET', '****'],
  ])('%s → %s', (url, masked) => {
    expect(maskAppriseUrl(url)).toBe(masked);
  });

  it('a password holding "@" is masked whole (the last "@" ends the user info)', () => {
    expect(maskAppriseUrl('mailto://user:p@ss@smtp.example.org')).toBe('mailto://user:****@smtp.example.org');
  });
});

describe('appriseUrlSecrets', () => {
  it('lists the masked parts, also percent-decoded', () => {
    expect(appriseUrlSecrets('mailto://user:p%40ss@smtp.example.org?to=a%40b.org')).toEqual(['p%40ss', 'p@ss', 'a%40b.org', 'a@b.org']);
  });

  it('is the whole text for something that is not a URL', () => {
    expect(appriseUrlSecrets('SECRET')).toEqual(['SECRET']);
  });
});
