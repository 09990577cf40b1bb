import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildBorgRsh, shlexQuote, sshConfigQuote } from './borg-rsh';

// borg itself runs on /usr/bin/python3: split with the very shlex borg uses.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
function pythonShlexSplit(text: string): string[] {
  const out = execFileSync(PYTHON, ['-c', 'import json, shlex, sys; print(json.dumps(shlex.split(sys.argv[1])))', text]);
  return JSON.parse(out.toString()) as string[];
}

/** ssh -G prints the configuration ssh would use, after parsing our -o options (no connection is made). */
function sshEffectiveConfig(words: string[]): Map<string, string[]> {
  const out = execFileSync('ssh', [...words.slice(1), '-G', 'example.invalid'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const config = new Map<string, string[]>();
  for (const line of out.toString().split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const key = line.slice(0, space);
    config.set(key, [...(config.get(key) ?? []), line.slice(space + 1)]);
  }
  return config;
}

describe('shlexQuote', () => {
  it.each([
    ['plain/path-1.2_x', 'plain/path-1.2_x'],
    ['', "''"],
    ['with space', "'with space'"],
    ["it's", `'it'"'"'s'`],
    ['a"b$c`d\\e', `'a"b$c\`d\\e'`],
  ])('%j → %s', (word, quoted) => {
    expect(shlexQuote(word)).toBe(quoted);
  });

  it("round-trips through Python's shlex.split", () => {
    const words = ['ssh', '', 'a b', "it's", 'x"y', 'back\\slash', '$HOME', 'tab\there', 'üñí €', '-o', 'K="v w"'];
    expect(pythonShlexSplit(words.map(shlexQuote).join(' '))).toEqual(words);
  });
});

describe('sshConfigQuote', () => {
  it('double-quotes, escapes quotes and backslashes, doubles %', () => {
    expect(sshConfigQuote('/a b/"q"\\%h')).toBe('"/a b/\\"q\\"\\\\%%h"');
  });

  it('refuses what ssh cannot be told literally', () => {
    expect(() => sshConfigQuote('/a\nb')).toThrow(TypeError);
    expect(() => sshConfigQuote('/a/${HOME}')).toThrow(TypeError);
  });
});

describe('buildBorgRsh', () => {
  it('is BatchMode only without ssh options', () => {
    expect(buildBorgRsh()).toBe('ssh -o BatchMode=yes');
  });

  it('builds the full command with defaults', () => {
    expect(buildBorgRsh({ knownHostsFile: '/data/known_hosts', strictHostKeyChecking: 'accept-new' })).toBe(
      `ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o 'UserKnownHostsFile="/data/known_hosts"' -o ConnectTimeout=15`,
    );
  });

  it('survives shlex and ssh with spaces, quotes and % in the paths', () => {
    const knownHostsFile = `/tmp/borg data/it's "known"%hosts`;
    const identityFile = `/tmp/my keys/id_ed25519 'x'%`;
    const rsh = buildBorgRsh({ knownHostsFile, identityFile, strictHostKeyChecking: 'yes', connectTimeoutSeconds: 7 });
    const words = pythonShlexSplit(rsh);
    expect(words).toEqual([
      'ssh',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile="/tmp/borg data/it's \\"known\\"%%hosts"`,
      '-o',
      'ConnectTimeout=7',
      '-o',
      `IdentityFile="/tmp/my keys/id_ed25519 'x'%%"`,
      '-o',
      'IdentitiesOnly=yes',
    ]);
    const config = sshEffectiveConfig(words);
    expect(config.get('batchmode')).toEqual(['yes']);
    expect(config.get('stricthostkeychecking')).toEqual(['true']);
    expect(config.get('userknownhostsfile')).toEqual([knownHostsFile]);
    expect(config.get('connecttimeout')).toEqual(['7']);
    expect(config.get('identitiesonly')).toEqual(['yes']);
    // ssh -G shows IdentityFile before its %-expansion, which turns %% back into %.
    expect(config.get('identityfile')).toEqual([identityFile.replace(/%/g, '%%')]);
  });

  it('rejects bad option values', () => {
    expect(() => buildBorgRsh({ knownHostsFile: '/k', strictHostKeyChecking: 'no' as 'yes' })).toThrow(TypeError);
    expect(() => buildBorgRsh({ knownHostsFile: '/k', strictHostKeyChecking: 'yes', connectTimeoutSeconds: 0 })).toThrow(TypeError);
  });
});
