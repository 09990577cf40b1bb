import { ArchiveEntryReader } from './archive-entries';
import { exactPathPatterns } from './path-patterns';
import { UnicodeEscapeDecoder } from './unicode-escape';

describe('UnicodeEscapeDecoder', () => {
  const escaped = Buffer.from(String.raw`plain \\ back\nnl\ttab caf\xe9 \u20ac \U0001f600 bad\udcff end`, 'latin1');
  const expected = 'plain \\ back\nnl\ttab café € 😀 bad\udcff end';

  it('decodes every escape Python writes, keeping a lone surrogate', () => {
    const decoder = new UnicodeEscapeDecoder();
    expect(decoder.push(escaped)).toBe(expected);
    expect(() => decoder.end()).not.toThrow();
  });

  it('decodes the same whatever the chunk boundaries', () => {
    for (let size = 1; size <= 12; size++) {
      const decoder = new UnicodeEscapeDecoder();
      let text = '';
      for (let at = 0; at < escaped.length; at += size) text += decoder.push(escaped.subarray(at, at + size));
      decoder.end();
      expect(text).toBe(expected);
    }
  });

  it('refuses an unknown escape and a stream that stops inside one', () => {
    expect(() => new UnicodeEscapeDecoder().push(Buffer.from(String.raw`\q`))).toThrow(/unknown escape/);
    const decoder = new UnicodeEscapeDecoder();
    decoder.push(Buffer.from(String.raw`ab\u00`));
    expect(() => decoder.end()).toThrow(/inside an escape/);
  });
});

describe('ArchiveEntryReader', () => {
  const record = (fields: string[]) => fields.map((f) => `${f}\\x00`).join('');

  it('splits NUL-separated records across chunks', () => {
    const text =
      record(['d', 'drwxr-xr-x', '0', '2026-11-26T21:19:55.944219', 'healthy', '', 'src']) +
      record(['-', '-rw-r--r--', '5', '2026-11-26T21:19:41.618335', 'broken', '', String.raw`src/bad\udcffname\nx`]) +
      record(['l', 'lrwxrwxrwx', '4', '2026-11-26T21:19:55.944219', 'healthy', 'tgt?', 'src/link']);
    const bytes = Buffer.from(text, 'latin1');
    const reader = new ArchiveEntryReader();
    const entries = [];
    for (let at = 0; at < bytes.length; at += 7) entries.push(...reader.push(bytes.subarray(at, at + 7)));
    reader.end();
    expect(entries).toEqual([
      { type: 'd', mode: 'drwxr-xr-x', size: 0, mtime: '2026-11-26T21:19:55.944219', healthy: true, linkTarget: '', path: 'src' },
      {
        type: '-',
        mode: '-rw-r--r--',
        size: 5,
        mtime: '2026-11-26T21:19:41.618335',
        healthy: false,
        linkTarget: '',
        path: 'src/bad\udcffname\nx',
      },
      { type: 'l', mode: 'lrwxrwxrwx', size: 4, mtime: '2026-11-26T21:19:55.944219', healthy: true, linkTarget: 'tgt?', path: 'src/link' },
    ]);
  });

  it('refuses a truncated record and a record that does not parse', () => {
    const reader = new ArchiveEntryReader();
    reader.push(Buffer.from(String.raw`d\x00drwx\x00`));
    expect(() => reader.end()).toThrow(/incomplete entry/);
    expect(() => new ArchiveEntryReader().push(Buffer.from(record(['-', 'm', 'NaN?', 't', 'healthy', '', 'p'])))).toThrow(/does not parse/);
  });
});

describe('exactPathPatterns', () => {
  it('spells everything but letters, digits, _ and / as escapes and anchors the match', () => {
    expect(exactPathPatterns(['/home/a b.txt'], { recursive: false })).toEqual([
      String.raw`--pattern=+re:^(?:home/a\u0020b\u002etxt)$`,
      '--pattern=-re:',
    ]);
    expect(exactPathPatterns(['x\udcff/😀/', 'y(.*)'], { recursive: true })[0]).toBe(
      String.raw`--pattern=+re:^(?:x\udcff/\U0001f600|y\u0028\u002e\u002a\u0029)(?:/|$)`,
    );
  });

  it('needs a path', () => {
    expect(() => exactPathPatterns([], { recursive: true })).toThrow(TypeError);
    expect(() => exactPathPatterns(['/'], { recursive: true })).toThrow(TypeError);
  });
});
