import { buildRcloneEnv, remotePath } from './rclone-env';
import { classifyRcloneFailure, scrub } from './rclone-error';

describe('rclone environment', () => {
  it('defines the remote under RCLONE_CONFIG_TARGET_* and passes only the basics of the base environment', () => {
    const env = buildRcloneEnv(
      { type: 's3', options: { access_key_id: 'AKIA', secret_access_key: 'wJal', endpoint: 'http://127.0.0.1:9000' } },
      { PATH: '/usr/bin', HOME: '/root', AWS_CA_BUNDLE: '/etc/ca.pem', AWS_SECRET_ACCESS_KEY: 'other', BORGITORY_SECRET_KEY: 'x', RCLONE_CONFIG_OTHER_TYPE: 'local' },
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

describe('rclone failures', () => {
  it('names what went wrong from the error lines', () => {
    expect(classifyRcloneFailure(['NewFs: couldn\'t connect SSH: ssh: handshake failed: knownhosts: key mismatch']).kind).toBe('host_key');
    expect(classifyRcloneFailure(['Failed to cat: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist']).kind).toBe('authentication');
    expect(classifyRcloneFailure(['ssh: unable to authenticate, attempted methods [none password]']).kind).toBe('authentication');
    expect(classifyRcloneFailure(['Failed to rcat: NoSuchBucket: The specified bucket does not exist']).kind).toBe('not_found');
    expect(classifyRcloneFailure(['dial tcp 127.0.0.1:4599: connect: connection refused']).kind).toBe('connection');
    expect(classifyRcloneFailure(['Get "http://127.0.0.1:4599/bucket": net/http: timeout awaiting response headers'])).toEqual({
      kind: 'connection',
      says: 'The server did not answer',
    });
    expect(classifyRcloneFailure(['Put "http://127.0.0.1:4599/b": read tcp 127.0.0.1:50522->127.0.0.1:4599: i/o timeout']).says).toBe('The server did not answer');
    expect(classifyRcloneFailure(['Put "http://10.0.0.9:4599/b": dial tcp 10.0.0.9:4599: i/o timeout']).says).toBe('Could not connect to the server');
    expect(classifyRcloneFailure(['something else']).kind).toBe('failed');
  });

  it('scrubs secrets out of text', () => {
    expect(scrub('auth failed for hunter22 (hunter22)', ['hunter22'])).toBe('auth failed for *** (***)');
  });
});
