import { execFileSync } from 'node:child_process';
import { sshConfigQuote } from './ssh-option';

/** The value ssh itself reads from `-o key=value` (ssh -G parses the options and prints them; no connection). */
function sshReads(key: string, path: string): string {
  const out = execFileSync('ssh', ['-G', '-o', `${key}=${sshConfigQuote(path)}`, 'example.invalid'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  const line = out.split('\n').find((l) => l.startsWith(`${key.toLowerCase()} `));
  return line === undefined ? '' : line.slice(key.length + 1);
}

describe('sshConfigQuote', () => {
  it('double-quotes, escapes quotes and backslashes, doubles %', () => {
    expect(sshConfigQuote('/a b/"q"\\%h')).toBe('"/a b/\\"q\\"\\\\%%h"');
  });

  it('gives ssh back the very path', () => {
    const path = '/data/with space/it\'s "q" %h 100%/key';
    expect(sshReads('UserKnownHostsFile', path)).toBe(path);
  });

  it('refuses what ssh cannot be told literally', () => {
    expect(() => sshConfigQuote('/a\nb')).toThrow(TypeError);
    expect(() => sshConfigQuote('/a\0b')).toThrow(TypeError);
    expect(() => sshConfigQuote('/a/${HOME}')).toThrow(TypeError);
  });
});
