import { buildAppriseUrl, parseUrlTemplate, rawFields, schemeOf } from './apprise-url-values';

describe('buildAppriseUrl', () => {
  it('writes the fields into the template', () => {
    expect(buildAppriseUrl('discord://{webhook_id}/{webhook_token}', { webhook_id: '1234', webhook_token: 'abcd' })).toBe(
      'discord://1234/abcd',
    );
  });

  it('percent-encodes {field} as a URL component: slashes, @, :, ?, #, spaces and non-ASCII', () => {
    expect(buildAppriseUrl('json://{user}:{password}@{host}', { user: 'a b', password: 'p@ss:w/o?r#d%', host: 'hook.local' })).toBe(
      'json://a%20b:p%40ss%3Aw%2Fo%3Fr%23d%25@hook.local',
    );
    expect(buildAppriseUrl('ntfy://{topic}', { topic: 'Grüße' })).toBe('ntfy://Gr%C3%BC%C3%9Fe');
  });

  it('keeps the slashes of {field/}, and encodes the rest', () => {
    expect(buildAppriseUrl('json://{host}/{path/}', { host: 'h', path: 'hooks/borg itory/a?b' })).toBe('json://h/hooks/borg%20itory/a%3Fb');
  });

  it('writes {field!} as typed', () => {
    expect(buildAppriseUrl('{url!}', { url: 'pover://user@token?priority=high' })).toBe('pover://user@token?priority=high');
  });

  it('leaves out an optional group when a field in it is empty, and keeps it when all are given', () => {
    const template = '{scheme}://[{user}:{password}@]{host}[:{port}][/{path/}]';
    expect(buildAppriseUrl(template, { scheme: 'json', host: '127.0.0.1', user: '', password: '', port: '', path: '' })).toBe(
      'json://127.0.0.1',
    );
    expect(buildAppriseUrl(template, { scheme: 'json', host: '127.0.0.1', user: 'me', password: '', port: '8080', path: 'a/b' })).toBe(
      'json://127.0.0.1:8080/a/b',
    );
    expect(buildAppriseUrl(template, { scheme: 'jsons', host: 'h', user: 'me', password: 's3cret', port: '', path: '' })).toBe(
      'jsons://me:s3cret@h',
    );
  });

  it('treats a field missing from the values as empty', () => {
    expect(buildAppriseUrl('gotify://{host}[:{port}]/{token}', { host: 'g' })).toBe('gotify://g/');
  });

  it('handles nested groups: an empty inner group goes, the outer one stays', () => {
    const template = 'x://{a}[/{b}[/{c}]]';
    expect(buildAppriseUrl(template, { a: '1', b: '2', c: '' })).toBe('x://1/2');
    expect(buildAppriseUrl(template, { a: '1', b: '', c: '3' })).toBe('x://1');
    expect(buildAppriseUrl(template, { a: '1', b: '2', c: '3' })).toBe('x://1/2/3');
  });

  it('keeps the query text of a template, encoding the values in it', () => {
    expect(
      buildAppriseUrl('{scheme}://[{user}:{password}@]{host}[:{port}]?from={from}&to={to}', {
        scheme: 'mailto',
        host: 'smtp.local',
        port: '25',
        from: 'b@x.org',
        to: 'me@x.org,you@x.org',
      }),
    ).toBe('mailto://smtp.local:25?from=b%40x.org&to=me%40x.org%2Cyou%40x.org');
  });
});

describe('parseUrlTemplate', () => {
  it('cuts a template into text, fields and optional groups', () => {
    expect(parseUrlTemplate('a://{b}[:{c/}]{d!}')).toEqual([
      { text: 'a://' },
      { field: 'b', encoding: 'component' },
      { optional: [{ text: ':' }, { field: 'c', encoding: 'path' }] },
      { field: 'd', encoding: 'raw' },
    ]);
  });

  it('reads a brace or bracket that closes nothing as text, and closes an open group at the end', () => {
    expect(parseUrlTemplate('a]{b c}{')).toEqual([{ text: 'a]{b c}{' }]);
    expect(parseUrlTemplate('[x')).toEqual([{ optional: [{ text: 'x' }] }]);
  });
});

describe('rawFields', () => {
  it('names the fields written as typed, in groups too', () => {
    expect(rawFields('{url!}')).toEqual(['url']);
    expect(rawFields('x://{a}[/{b!}]')).toEqual(['b']);
    expect(rawFields('discord://{webhook_id}/{webhook_token}')).toEqual([]);
  });
});

describe('schemeOf', () => {
  it('is the lower-case scheme of a URL or a masked target, or null', () => {
    expect(schemeOf('Discord://****/****')).toBe('discord');
    expect(schemeOf('json://127.0.0.1:8080/hook')).toBe('json');
    expect(schemeOf('{scheme}://{host}')).toBeNull();
    expect(schemeOf('')).toBeNull();
  });
});
