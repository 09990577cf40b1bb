import { buildRcloneEnv, remoteHostProblem, remotePath } from './rclone-env';
import { classifyRcloneFailure, scrub } from './rclone-error';

describe('rclone environment', () => {
  it('defines the remote under RCLONE_CONFIG_TARGET_* and passes only the basics of the base environment', () => {
    const env = buildRcloneEnv(
      { type: 's3', options: { access_key_id: 'AKIA', secret_access_key: 'wJal', endpoint: 'http://127.0.0.1:9000' } },
      {
        PATH: '/usr/bin',
        HOME: '/root',
        AWS_CA_BUNDLE: '/etc/ca.pem',
        AWS_SECRET_ACCESS_KEY: 'other',
        BORGITORY_SECRET_KEY: 'x',
        RCLONE_CONFIG_OTHER_TYPE: 'local',
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      RCLONE_CONFIG_TARGET_TYPE: 's3',
      RCLONE_CONFIG_TARGET_ACCESS_KEY_ID: 'AKIA',
      RCLONE_CONFIG_TARGET_SECRET_ACCESS_KEY: 'wJal',
      RCLONE_CONFIG_TARGET_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(remotePath('bucket/prefix')).toBe('target:bucket/prefix');
  });

  it('refuses an option name that is not rclone-shaped', () => {
    expect(() => buildRcloneEnv({ type: 'sftp', options: { 'HOST=x': 'y' } }, {})).toThrow('not an rclone option name');
  });
});

describe('remoteHostProblem', () => {
  it('accepts the hosts, ssh users and ports of sftp and smb remotes that are plainly what they say', () => {
    expect(remoteHostProblem({ type: 'sftp', options: { host: 'nas.local', user: 'backup', port: '22' } })).toBeNull();
    expect(remoteHostProblem({ type: 'sftp', options: { host: '::1', port: '2222' } })).toBeNull();
    expect(remoteHostProblem({ type: 'smb', options: { host: '10.0.0.5', user: 'DOMAIN\\someone', port: '445' } })).toBeNull();
    expect(remoteHostProblem({ type: 's3', options: { endpoint: 'http://-x' } })).toBeNull();
  });

  it.each([
    [{ host: '-oProxyCommand=id' }, 'host'],
    [{ host: '-V' }, 'host'],
    [{ host: 'localhost -oX' }, 'host'],
    [{ host: '[::1]' }, 'host'],
    [{ host: 'localhost.' }, 'host'],
    [{}, 'host'],
    [{ host: 'nas', user: '-F/dev/null' }, 'user'],
    [{ host: 'nas', user: 'a@b' }, 'user'],
    [{ host: 'nas', port: '0' }, 'port'],
    [{ host: 'nas', port: '22x' }, 'port'],
  ])('refuses the sftp options %j for their %s', (options, part) => {
    expect(remoteHostProblem({ type: 'sftp', options })).toMatchObject({ part });
  });

  it('refuses an smb host the same way', () => {
    expect(remoteHostProblem({ type: 'smb', options: { host: '-oX' } })).toMatchObject({ part: 'host' });
  });
});

describe('rclone failures', () => {
  it('names what went wrong from the error lines', () => {
    expect(classifyRcloneFailure(["NewFs: couldn't connect SSH: ssh: handshake failed: knownhosts: key mismatch"]).kind).toBe('host_key');
    expect(classifyRcloneFailure(['Failed to cat: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist']).kind).toBe(
      'authentication',
    );
    expect(classifyRcloneFailure(['ssh: unable to authenticate, attempted methods [none password]']).kind).toBe('authentication');
    expect(classifyRcloneFailure(['Failed to rcat: NoSuchBucket: The specified bucket does not exist']).kind).toBe('not_found');
    expect(classifyRcloneFailure(['dial tcp 127.0.0.1:4599: connect: connection refused']).kind).toBe('connection');
    expect(classifyRcloneFailure(['Get "http://127.0.0.1:4599/bucket": net/http: timeout awaiting response headers'])).toEqual({
      kind: 'connection',
      says: 'The server did not answer',
    });
    expect(classifyRcloneFailure(['Put "http://127.0.0.1:4599/b": read tcp 127.0.0.1:50522->127.0.0.1:4599: i/o timeout']).says).toBe(
      'The server did not answer',
    );
    expect(classifyRcloneFailure(['Put "http://10.0.0.9:4599/b": dial tcp 10.0.0.9:4599: i/o timeout']).says).toBe(
      'Could not connect to the server',
    );
    expect(classifyRcloneFailure(['something else']).kind).toBe('failed');
  });

  it('scrubs secrets out of text', () => {
    expect(scrub('auth failed for hunter22 (hunter22)', ['hunter22'])).toBe('auth failed for *** (***)');
  });
});
