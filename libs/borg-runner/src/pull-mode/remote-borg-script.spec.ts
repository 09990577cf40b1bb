import { shellQuote } from '@borgitory/remote-host';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, makeTempDir, removeDir, waitFor } from '../testing/helpers';
import {
  parseRemotePid,
  passphraseLine,
  pullRepositoryLocation,
  remoteBorgScript,
  remoteCancelScript,
  REMOTE_SCRIPT_EXIT,
} from './remote-borg-script';

/** The script under /bin/sh with stubs in PATH: `borg` records what it got, `socat` only has to exist. */
describe('remoteBorgScript', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir('remote-script')));
  afterEach(() => removeDir(dir));

  function stubs(which: ('borg' | 'socat')[]): string {
    const bin = join(dir, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    if (which.includes('borg')) {
      writeFileSync(
        join(bin, 'borg'),
        [
          '#!/bin/sh',
          `out=${shellQuote(dir)}`,
          'for a in "$@"; do printf \'%s\\0\' "$a"; done > "$out/args"',
          'printf %s "${BORG_PASSPHRASE-<unset>}" > "$out/passphrase"',
          'printf %s "$BORG_RSH" > "$out/rsh"',
          'printf %s "$BORG_REPO" > "$out/repo"',
          'export -p > "$out/env"',
          '',
        ].join('\n'),
      );
      chmodSync(join(bin, 'borg'), 0o755);
    }
    if (which.includes('socat')) symlinkSync('/bin/true', join(bin, 'socat'));
    return bin;
  }

  function runScript(script: string, stdin: string, path: string) {
    return spawnSync('/bin/sh', ['-c', script], { input: stdin, env: { PATH: path }, encoding: 'utf8' });
  }

  const awkward = ['create', '--comment', 'it\'s a "test" $(touch /tmp/pwned) `id` $HOME \\ \\n', 'line\nbreak', '', '-x', '::arch'];

  it('gives borg exactly its arguments, the passphrase in its environment and BORG_RSH for shlex', () => {
    const bin = stubs(['borg', 'socat']);
    const script = remoteBorgScript({ socketPath: '/tmp/borgitory-1.sock', repositoryPath: "/srv/it's {x}", borgArgs: awkward });
    const passphrase = "  lead\\ing $(x) 'q' \\";
    const result = runScript(script, passphraseLine(passphrase) + 'rest of stdin\n', bin);
    expect(result.status).toBe(0);
    expect(parseRemotePid(result.stderr.split('\n')[0] as string)).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'args'), 'utf8').split('\0').slice(0, -1)).toEqual(awkward);
    expect(readFileSync(join(dir, 'passphrase'), 'utf8')).toBe(passphrase);
    expect(readFileSync(join(dir, 'repo'), 'utf8')).toBe("ssh://borgitory/srv/it's {{x}}");
    const rsh = readFileSync(join(dir, 'rsh'), 'utf8');
    const words = execFileSync('python3', ['-c', 'import json, shlex, sys; print(json.dumps(shlex.split(sys.stdin.read())))'], {
      input: rsh,
      encoding: 'utf8',
    });
    expect(JSON.parse(words)).toEqual(['sh', '-c', 'unset BORG_PASSPHRASE; exec socat STDIO UNIX-CONNECT:/tmp/borgitory-1.sock']);
    const env = readFileSync(join(dir, 'env'), 'utf8');
    expect(env).toMatch(/BORG_RELOCATED_REPO_ACCESS_IS_OK='?yes/);
    expect(env).toMatch(/BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK='?yes/);
    expect(env).toMatch(/BORG_DELETE_I_KNOW_WHAT_I_AM_DOING='?NO/);
    expect(script).not.toContain(passphrase);
  });

  it('reads an empty first line as no passphrase, and a last line without newline as one', () => {
    const bin = stubs(['borg', 'socat']);
    const script = remoteBorgScript({ socketPath: '/tmp/s.sock', repositoryPath: '/srv/r', borgArgs: ['list'] });
    expect(runScript(script, passphraseLine(null), bin).status).toBe(0);
    expect(readFileSync(join(dir, 'passphrase'), 'utf8')).toBe('<unset>');
    expect(runScript(script, 'no newline', bin).status).toBe(0);
    expect(readFileSync(join(dir, 'passphrase'), 'utf8')).toBe('no newline');
    const none = runScript(script, '', bin);
    expect(none.status).toBe(REMOTE_SCRIPT_EXIT.noPassphraseLine);
    expect(none.stderr).toContain('no passphrase line on stdin');
  });

  it('runs borg in the working directory given, with the output variables given and no others', () => {
    const bin = stubs(['borg', 'socat']);
    const where = join(dir, "the 'target' $(x)");
    execFileSync('mkdir', ['-p', where]);
    writeFileSync(
      join(bin, 'borg'),
      `#!/bin/sh\npwd > ${shellQuote(join(dir, 'cwd'))}\nprintf %s "$PYTHONIOENCODING" > ${shellQuote(join(dir, 'encoding'))}\n`,
    );
    const input = { socketPath: '/tmp/s.sock', repositoryPath: '/srv/r', borgArgs: ['extract', '::a'] };
    const script = remoteBorgScript({ ...input, workingDirectory: where, outputEnv: { PYTHONIOENCODING: 'unicode_escape' } });
    expect(runScript(script, '\n', bin).status).toBe(0);
    expect(readFileSync(join(dir, 'cwd'), 'utf8').trim()).toBe(where);
    expect(readFileSync(join(dir, 'encoding'), 'utf8')).toBe('unicode_escape');
    const missing = runScript(remoteBorgScript({ ...input, workingDirectory: join(dir, 'nowhere') }), '\n', bin);
    expect(missing.status).toBe(REMOTE_SCRIPT_EXIT.noWorkingDirectory);
    expect(() => remoteBorgScript({ ...input, outputEnv: { BORG_RSH: 'sh' } })).toThrow(TypeError);
  });

  it('says what is missing with its own exit code', () => {
    const script = remoteBorgScript({ socketPath: '/tmp/s.sock', repositoryPath: '/srv/r', borgArgs: ['list'] });
    const noBorg = runScript(script, '\n', stubs(['socat']));
    expect(noBorg.status).toBe(REMOTE_SCRIPT_EXIT.borgMissing);
    expect(noBorg.stderr).toContain('borg is not installed on this host');
    removeDir(join(dir, 'bin'));
    const noSocat = runScript(script, '\n', stubs(['borg']));
    expect(noSocat.status).toBe(REMOTE_SCRIPT_EXIT.socatMissing);
    expect(noSocat.stderr).toContain('socat is not installed on this host');
  });

  it('refuses inputs it cannot pass on safely', () => {
    const base = { socketPath: '/tmp/s.sock', repositoryPath: '/srv/r', borgArgs: [] };
    expect(() => remoteBorgScript({ ...base, socketPath: '/tmp/a b.sock' })).toThrow(TypeError);
    expect(() => remoteBorgScript({ ...base, socketPath: 'relative.sock' })).toThrow(TypeError);
    expect(() => remoteBorgScript({ ...base, borgArgs: ['a\0b'] })).toThrow(TypeError);
    expect(() => pullRepositoryLocation('srv/r')).toThrow(TypeError);
    expect(() => pullRepositoryLocation('/srv/../r')).toThrow(TypeError);
    expect(() => pullRepositoryLocation('/srv/a::b')).toThrow(TypeError);
    expect(() => pullRepositoryLocation('/~/r')).toThrow(TypeError);
    expect(() => passphraseLine('two\nlines')).toThrow(TypeError);
    expect(pullRepositoryLocation('/srv/a:b c')).toBe('ssh://borgitory/srv/a:b c');
  });
});

describe('remoteCancelScript', () => {
  it('ends the whole process group the script leads', async () => {
    const leader = spawn('sh', ['-c', 'sleep 30 & sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const pid = leader.pid as number;
    await waitFor(() => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').length === 2);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').map(Number);
    execFileSync('sh', ['-c', remoteCancelScript(pid)]);
    await waitFor(() => !isAlive(pid) && children.every((child) => !isAlive(child)));
    // Nothing left to end is not an error.
    expect(spawnSync('sh', ['-c', remoteCancelScript(pid)]).status).toBe(0);
  });

  it('takes only a pid', () => {
    expect(() => remoteCancelScript(1)).toThrow(TypeError);
    expect(() => remoteCancelScript(1.5)).toThrow(TypeError);
    expect(() => remoteCancelScript(Number('12; rm -rf /'))).toThrow(TypeError);
  });
});
