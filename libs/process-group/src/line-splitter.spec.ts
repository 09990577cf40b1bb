import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('joins a line split across chunks', () => {
    const s = new LineSplitter();
    expect(s.push('{"type": "log_mes')).toEqual([]);
    expect(s.push('sage"}\nsecond')).toEqual(['{"type": "log_message"}']);
    expect(s.push(' line\r\nthird\n')).toEqual(['second line', 'third']);
    expect(s.end()).toEqual([]);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('größe €\n', 'utf8');
    const s = new LineSplitter();
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...s.push(bytes.subarray(i, i + 1)));
    expect(lines).toEqual(['größe €']);
  });

  it('flushes an unterminated last line at the end', () => {
    const s = new LineSplitter();
    expect(s.push('a\nb')).toEqual(['a']);
    expect(s.end()).toEqual(['b']);
  });

  it('gives empty lines as such', () => {
    expect(new LineSplitter().push('a\n\nb\n')).toEqual(['a', '', 'b']);
  });

  it('cuts lines longer than the limit instead of buffering without bound', () => {
    const s = new LineSplitter(4);
    expect(s.push('abcdefghij')).toEqual(['abcd', 'efgh']);
    expect(s.push('k\n')).toEqual(['ijk']);
    expect(new LineSplitter(4).push('abcdefghij\n')).toEqual(['abcd', 'efgh', 'ij']);
  });
});
