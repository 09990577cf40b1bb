import { buildBorgEnv } from './borg-env';

const baseEnv = {
  PATH: '/usr/bin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
  TZ: 'UTC',
  BORGITORY_SECRET_KEY: 'server-secret',
  BORG_PASSPHRASE: 'leaked-from-server-env',
  BORG_REMOTE_PATH: '/evil',
  SSH_AUTH_SOCK: '/tmp/agent',
  NODE_OPTIONS: '--inspect',
};

describe('buildBorgEnv', () => {
  it('passes on only the allowlist and sets the BORG_* rules', () => {
    const env = buildBorgEnv({ baseDir: '/data/borg', baseEnv, connection: { location: '/repo' } });
    expect(env).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/root',
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      BORG_BASE_DIR: '/data/borg',
      BORG_DISPLAY_PASSPHRASE: 'no',
      BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
      BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
      BORG_CHECK_I_KNOW_WHAT_I_AM_DOING: 'NO',
      BORG_DELETE_I_KNOW_WHAT_I_AM_DOING: 'NO',
      BORG_EXIT_CODES: 'legacy',
      BORG_FUSE_IMPL: 'none',
    });
  });

  it("skips borg's self-tests only when told they passed", () => {
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: null })).not.toHaveProperty('BORG_SELFTEST');
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: null, skipSelfTest: true })['BORG_SELFTEST']).toBe('disabled');
  });

  it('sets BORG_PASSPHRASE only when the connection has one (an empty one counts)', () => {
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: '/r', passphrase: 'pw' } })['BORG_PASSPHRASE']).toBe('pw');
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: '/r', passphrase: '' } })['BORG_PASSPHRASE']).toBe('');
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: '/r', passphrase: null } })).not.toHaveProperty(
      'BORG_PASSPHRASE',
    );
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: null })).not.toHaveProperty('BORG_PASSPHRASE');
  });

  it('allows repository deletion only when asked', () => {
    const env = buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: '/r' }, allowRepositoryDelete: true });
    expect(env['BORG_DELETE_I_KNOW_WHAT_I_AM_DOING']).toBe('YES');
  });

  it('sets BORG_RSH for remote locations, with BatchMode even without ssh options', () => {
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: '/r' } })).not.toHaveProperty('BORG_RSH');
    expect(buildBorgEnv({ baseDir: '/b', baseEnv, connection: { location: 'u@h:r' } })['BORG_RSH']).toBe('ssh -o BatchMode=yes');
    const env = buildBorgEnv({
      baseDir: '/b',
      baseEnv,
      connection: { location: 'ssh://u@h:22/r', ssh: { knownHostsFile: '/k', strictHostKeyChecking: 'yes', identityFile: '/id' } },
    });
    expect(env['BORG_RSH']).toContain('StrictHostKeyChecking=yes');
    expect(env['BORG_RSH']).toContain(`'IdentityFile="/id"' -o IdentitiesOnly=yes`);
  });
});
