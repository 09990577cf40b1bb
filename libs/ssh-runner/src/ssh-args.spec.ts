import { execFileSync } from 'node:child_process';
import { RefusedDestinationError } from '@borgitory/remote-host';
import { connectionArgs, describeTarget, sshArgs, sshEnv } from './ssh-args';
import type { SshConnection } from './types';

const CONNECTION: SshConnection = {
  user: 'backup',
  host: 'nas.local',
  port: 2222,
  knownHostsFile: '/data/ssh/known hosts',
  hostKeyPolicy: 'accept-new',
  identityFile: '/data/ssh/id_ed25519',
};

/** ssh -G: the configuration ssh would use after reading our options (no connection is made). */
function sshConfig(args: string[]): Map<string, string> {
  const dash = args.indexOf('--');
  const out = execFileSync('ssh', [...args.slice(0, dash), '-G', ...args.slice(dash)], { stdio: ['ignore', 'pipe', 'ignore'] });
  const config = new Map<string, string>();
  for (const line of out.toString().split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && !config.has(line.slice(0, space))) config.set(line.slice(0, space), line.slice(space + 1));
  }
  return config;
}

describe('sshArgs', () => {
  it('builds every option, then -p, --, user@host and the command', () => {
    expect(connectionArgs(CONNECTION, 15, 'true')).toEqual([
      '-o', 'BatchMode=yes',
      '-o', 'StrictHostKeyChecking=accept-new',
      '-o', 'UserKnownHostsFile="/data/ssh/known hosts"',
      '-o', 'IdentityFile="/data/ssh/id_ed25519"',
      '-o', 'IdentitiesOnly=yes',
      '-o', 'ConnectTimeout=15',
      '-o', 'ServerAliveInterval=10',
      '-o', 'ServerAliveCountMax=3',
      '-p', '2222', '--', 'backup@nas.local', 'true',
    ]); // prettier-ignore
  });

  it('is read by ssh as meant', () => {
    const config = sshConfig(connectionArgs({ ...CONNECTION, hostKeyPolicy: 'strict' }, 7, 'true'));
    expect(config.get('user')).toBe('backup');
    expect(config.get('hostname')).toBe('nas.local');
    expect(config.get('port')).toBe('2222');
    expect(config.get('batchmode')).toBe('yes');
    expect(config.get('stricthostkeychecking')).toBe('true');
    expect(config.get('userknownhostsfile')).toBe('/data/ssh/known hosts');
    expect(config.get('identitiesonly')).toBe('yes');
    expect(config.get('connecttimeout')).toBe('7');
    expect(config.get('serveraliveinterval')).toBe('10');
    expect(config.get('serveralivecountmax')).toBe('3');
  });

  it('takes a bare IPv6 address', () => {
    const args = connectionArgs({ ...CONNECTION, host: '::1' }, 15, 'true');
    expect(args.slice(-2)).toEqual(['backup@::1', 'true']);
    expect(sshConfig(args).get('hostname')).toBe('::1');
  });

  it('replaces BatchMode and adds options and flags for password logins and forwards', () => {
    const args = sshArgs({
      target: CONNECTION,
      hostKeyPolicy: 'strict',
      knownHostsFile: '/k',
      connectTimeoutSeconds: 5,
      options: ['BatchMode=no'],
      flags: ['-s'],
      command: 'sftp',
    });
    expect(args).not.toContain('BatchMode=yes');
    expect(args).not.toContain('IdentitiesOnly=yes');
    expect(args.slice(-6)).toEqual(['-s', '-p', '2222', '--', 'backup@nas.local', 'sftp']);
  });

  it.each([
    [{ user: '-oProxyCommand=x' }, 'user'],
    [{ host: '-oProxyCommand=x' }, 'host'],
    [{ host: 'a b' }, 'host'],
    [{ host: '[::1]' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ port: 70000 }, 'port'],
  ])('refuses %j before starting anything', (change, part) => {
    try {
      connectionArgs({ ...CONNECTION, ...change }, 15, 'true');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(RefusedDestinationError);
      expect((error as RefusedDestinationError).problem.part).toBe(part);
    }
  });

  it('refuses a bad timeout or policy', () => {
    expect(() => connectionArgs(CONNECTION, 0, 'true')).toThrow(TypeError);
    expect(() => connectionArgs({ ...CONNECTION, hostKeyPolicy: 'no' as 'strict' }, 15, 'true')).toThrow(TypeError);
  });
});

describe('sshEnv', () => {
  it('keeps the allowlist only, plus what the call adds', () => {
    const env = sshEnv({ PATH: '/bin', HOME: '/root', LANG: 'C.UTF-8', SECRET: 'x', SSH_AUTH_SOCK: '/s' }, { DISPLAY: ':0' });
    expect(env).toEqual({ PATH: '/bin', HOME: '/root', LANG: 'C.UTF-8', DISPLAY: ':0' });
  });
});

describe('describeTarget', () => {
  it('brackets IPv6', () => {
    expect(describeTarget({ user: 'u', host: '::1', port: 22 })).toBe('u@[::1]:22');
    expect(describeTarget({ user: 'u', host: 'nas', port: 22 })).toBe('u@nas:22');
  });
});
