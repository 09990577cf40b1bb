import { checkProviderConfig } from './provider-config';
import { PROVIDERS } from './providers';

describe('checkProviderConfig: hosts and users that reach ssh-keyscan and rclone', () => {
  const sftp = (fields: Record<string, unknown>) =>
    checkProviderConfig(PROVIDERS.sftp, { host: 'nas.local', user: 'backup', password: 'x', ...fields }, {}).problems;

  it.each(['nas.local', '192.168.1.20', '::1', '2001:db8::7', 'storage_box.example'])('accepts the SFTP host %s', (host) => {
    expect(sftp({ host })).toEqual({});
  });

  it.each([
    '-oProxyCommand=touch$IFS"pwned"',
    '-V',
    'localhost -oX',
    '%2dV',
    'localhost.',
    'bücher.example',
    'local\thost',
    '[::1]',
    '[::1',
    '0x7f.1',
  ])('refuses the SFTP host %j, naming the field', (host) => {
    expect(sftp({ host })).toEqual({ 'provider_config.host': [expect.stringContaining('is not a host')] });
  });

  it.each(['-oProxyCommand=x', '-F/dev/null', 'a@b', '.x', 'a b'])('refuses the SFTP user %j, naming the field', (user) => {
    expect(sftp({ user })).toEqual({ 'provider_config.user': [expect.stringContaining('is not a user name')] });
  });

  it('refuses an SMB host the same way', () => {
    expect(checkProviderConfig(PROVIDERS.smb, { host: '-oX', share: 'backups' }, {}).problems).toEqual({
      'provider_config.host': [expect.stringContaining('is not a host')],
    });
    expect(checkProviderConfig(PROVIDERS.smb, { host: 'nas', share: 'backups' }, {}).problems).toEqual({});
  });

  it.each([
    ['http://-oProxyCommand=x/dav', false],
    ['https://%2dV/dav', false],
    ['https://nas./dav', false],
    ['https://cloud.example.com/remote.php/dav/files/alice/', true],
    ['http://[::1]:8080/dav', true],
    ['http://127.0.0.1:8080/', true],
  ])('checks the host of the WebDAV URL %s and the S3 endpoint alike', (url, ok) => {
    const webdav = checkProviderConfig(PROVIDERS.webdav, { url }, {}).problems;
    const s3 = checkProviderConfig(
      PROVIDERS.s3,
      { service: 'Other', endpoint: url, bucket_name: 'offsite', access_key_id: 'A', secret_access_key: 'S' },
      {},
    ).problems;
    expect(webdav).toEqual(ok ? {} : { 'provider_config.url': [expect.stringContaining('is not a host')] });
    expect(s3).toEqual(ok ? {} : { 'provider_config.endpoint': [expect.stringContaining('is not a host')] });
  });
});
