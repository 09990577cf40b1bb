import { execFileSync } from 'node:child_process';
import { remoteCommand, shellQuote } from './shell-quote';

/** What sh makes of a command line: each argument of printf, NUL-terminated. */
function shWords(line: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${line}`]).toString('utf8');
  return out.split('\0').slice(0, -1);
}

const AWKWARD = [
  '',
  'plain',
  'a b',
  "it's",
  '"dq"',
  '$(id)',
  '`id`',
  'a;b',
  '&&',
  '|',
  '-n',
  '--',
  '*',
  '~',
  'line\nbreak',
  'tab\t',
  '\\',
  "''",
  'üñí €',
  '$HOME',
];

describe('shellQuote', () => {
  it.each([
    ['plain/path-1.2_x', 'plain/path-1.2_x'],
    ['', "''"],
    ['a b', "'a b'"],
    ["it's", `'it'\\''s'`],
  ])('%j → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it('gives sh back every word exactly', () => {
    expect(shWords(AWKWARD.map(shellQuote).join(' '))).toEqual(AWKWARD);
  });

  it('refuses NUL', () => {
    expect(() => shellQuote('a\0b')).toThrow(TypeError);
  });
});

describe('remoteCommand', () => {
  it('joins quoted words', () => {
    expect(remoteCommand(['ls', '-l', 'my dir'])).toBe("ls -l 'my dir'");
  });

  it('needs a program', () => {
    expect(() => remoteCommand([])).toThrow(TypeError);
  });
});
