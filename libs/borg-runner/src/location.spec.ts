import { archiveLocation, borgKeysDir, isRemoteLocation, locationProblem, parseBorgLocation } from './location';

describe('parseBorgLocation splits as borg 1.2 does', () => {
  it.each([
    ['ssh://user@host:2222/path/repo', { form: 'ssh', user: 'user', host: 'host', port: 2222, path: '/path/repo' }],
    ['ssh://host/./repo', { form: 'ssh', user: null, host: 'host', port: null, path: '/./repo' }],
    ['ssh://root@[::1]:22/srv', { form: 'ssh', user: 'root', host: '[::1]', port: 22, path: '/srv' }],
    ['user@host:path', { form: 'scp', user: 'user', host: 'host', port: null, path: 'path' }],
    ['host:/abs/path', { form: 'scp', user: null, host: 'host', path: '/abs/path' }],
    ['user@[::1]:repo', { form: 'scp', user: 'user', host: '[::1]', path: 'repo' }],
    // what attackers send: borg's own split is what decides what reaches ssh
    ['ssh://-oProxyCommand=sh -c "id>pwned"@localhost/repo', { user: '-oProxyCommand=sh -c "id>pwned"', host: 'localhost' }],
    ['ssh://-Epwned/repo', { user: null, host: '-Epwned', path: '/repo' }],
    ['ssh://a@b@localhost/repo', { user: 'a', host: 'b@localhost' }],
    ['-Epwned:repo', { form: 'scp', user: null, host: '-Epwned', path: 'repo' }],
    ['backup@-oX=y:repo', { form: 'scp', user: 'backup', host: '-oX=y' }],
  ])('%s is remote', (location, expected) => {
    expect(parseBorgLocation(location)).toMatchObject({ remote: true, ...expected });
    expect(isRemoteLocation(location)).toBe(true);
  });

  it.each([
    ['/abs/path', '/abs/path'],
    ['/abs/with:colon', '/abs/with:colon'],
    ['relative/dir', 'relative/dir'],
    ['./a:b', './a:b'],
    ['file:///abs/path', '/abs/path'],
    // borg's "ssh://" is lower case: this is a relative path to borg
    ['SSH://host/./repo', 'SSH://host/./repo'],
    ['host:', 'host:'],
  ])('%s is local', (location, path) => {
    expect(parseBorgLocation(location)).toEqual({ remote: false, path });
    expect(isRemoteLocation(location)).toBe(false);
  });

  it.each(['', 'ssh://host', 'ssh://localhost:-1/repo', 'ssh://user:secret@host/repo', '/repo::archive', 'ssh://host/repo::x'])(
    'borg takes %j as no repository location',
    (location) => {
      expect(parseBorgLocation(location)).toBeNull();
      expect(isRemoteLocation(location)).toBe(false);
    },
  );
});

describe('locationProblem', () => {
  it.each(['/srv/repo', 'relative', 'ssh://backup@nas.local:2222/srv/borg', 'backup@[::1]:repo', 'nas:repo', 'ssh://10.0.0.2/./repo'])(
    'accepts %s',
    (location) => {
      expect(locationProblem(location)).toBeNull();
    },
  );

  it.each([
    ['ssh://-oProxyCommand=sh -c "id>pwned"@localhost/repo', 'user'],
    ['-oProxyCommand=x@localhost:repo', 'user'],
    ['ssh://a@b@localhost/repo', 'host'],
    ['ssh://-Epwned/repo', 'host'],
    ['-Epwned:repo', 'host'],
    ['backup@-V:repo', 'host'],
    ['ssh://localhost./repo', 'host'],
    ['ssh://bücher.example/repo', 'host'],
    ['ssh://backup@localhost\t-E/repo', 'host'],
    ['ssh://%2dEpwned/repo', 'host'],
    ['ssh://localhost:0/repo', 'port'],
    ['ssh://localhost:65536/repo', 'port'],
  ])('refuses %j for its %s', (location, part) => {
    expect(locationProblem(location)).toMatchObject({ part });
  });
});

describe('archiveLocation / borgKeysDir', () => {
  it('joins repository and archive with ::', () => {
    expect(archiveLocation('/r', 'a-1')).toBe('/r::a-1');
    expect(() => archiveLocation('/r', '')).toThrow(/archive name/);
  });

  it('puts keys where borg looks for them under BORG_BASE_DIR', () => {
    expect(borgKeysDir('/data/borg')).toBe('/data/borg/.config/borg/keys');
  });
});
