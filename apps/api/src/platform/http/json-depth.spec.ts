import { nestsDeeperThan as nestsDeeperThanUtf8 } from './json-depth';

const nestsDeeperThan = (text: string, limit: number) => nestsDeeperThanUtf8(Buffer.from(text, 'utf8'), limit);

describe('nestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    ['[[1,2],[3]]', 2, false],
    ['[[1,2],[[3]]]', 2, true],
    ['{"a":{"b":[{"c":1}]}}', 4, false],
    ['{"a":{"b":[{"c":1}]}}', 3, true],
    ['[1,[2],[3],[4],[5]]', 2, false],
  ])('%s within %i levels: deeper = %s', (text, limit, deeper) => {
    expect(nestsDeeperThan(text, limit)).toBe(deeper);
  });

  it('ignores brackets inside strings, escaped quotes and multi-byte characters included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: 'ſ[[[ 😀 {{{ 世界' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[" and "{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(['\\', [['x']]]), 2)).toBe(true);
  });

  it('stops at the first level past the limit of a huge body', () => {
    const hostile = Buffer.alloc(5_000_000, '[');
    const started = performance.now();
    expect(nestsDeeperThanUtf8(hostile, 32)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('leaves malformed text to JSON.parse', () => {
    expect(nestsDeeperThan(']]]][', 1)).toBe(false);
    expect(nestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
  });
});
