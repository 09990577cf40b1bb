import { checkRepositoryLocation } from './repository-location';

describe('checkRepositoryLocation', () => {
  it.each([
    ['/mnt/repos/docs', { location: '/mnt/repos/docs', remote: false }],
    ['/mnt/repos//docs/', { location: '/mnt/repos/docs', remote: false }],
    ['/mnt/repos/../other', { location: '/mnt/other', remote: false }],
    ['  /mnt/repos/docs ', { location: '/mnt/repos/docs', remote: false }],
    ['ssh://backup@nas.local:2222/srv/borg/docs', { remote: true, host: 'nas.local', port: 2222 }],
    ['ssh://nas.local/./borg', { remote: true, host: 'nas.local', port: 22 }],
    ['ssh://root@[2001:db8::1]/srv', { remote: true, host: '2001:db8::1', port: 22 }],
    ['backup@nas.local:borg/docs', { remote: true, host: 'nas.local', port: 22 }],
    ['backup@[::1]:/srv/borg', { remote: true, host: '::1', port: 22 }],
    ['u123456-sub1@u123456.your-storagebox.de:backups', { remote: true, host: 'u123456.your-storagebox.de' }],
  ])('accepts %s', (input, expected) => {
    expect(checkRepositoryLocation(input)).toEqual({ ok: true, location: expect.objectContaining(expected) });
  });

  it.each([
    '',
    'relative/path',
    'ssh://host',
    'ssh://host/',
    'ssh://user:secret@host/repo',
    'http://host/repo',
    'SSH://host/repo',
    'C:\\repo',
    'ssh://host/a::b',
    'nas:a::b',
  ])('refuses %j as no location', (input) => {
    expect(checkRepositoryLocation(input)).toEqual({ ok: false, problem: expect.stringMatching(/^Must be an absolute path/) });
  });

  it.each(['/repo\nrm', '/repo\0', 'ssh://backup@nas\t-E/repo', 'backup@nas:\u007f'])('refuses %j for its control characters', (input) => {
    expect(checkRepositoryLocation(input)).toEqual({ ok: false, problem: expect.stringContaining('control characters') });
  });

  it('refuses a local path that borg would split at "::"', () => {
    expect(checkRepositoryLocation('/srv/a::b')).toEqual({ ok: false, problem: expect.stringContaining('"::"') });
  });

  it.each([
    ['ssh://-oProxyCommand=sh -c "id>pwned"@localhost/repo', 'user'],
    ['ssh://-Epwned/repo', 'host'],
    ['ssh://backup@-oX/repo', 'host'],
    ['ssh://%2dEpwned/repo', 'host'],
    ['ssh://localhost./repo', 'host'],
    ['ssh://bücher.example/repo', 'host'],
    ['ssh://0x7f.1/repo', 'host'],
    ['ssh://a@b@localhost/repo', 'host'],
    ['ssh://localhost:0/repo', 'port'],
    ['ssh://localhost:65536/repo', 'port'],
    ['-oProxyCommand=x@localhost:repo', 'user'],
    ['-Epwned:repo', 'host'],
    ['backup@localhost\u00a0-E:repo', 'host'],
  ])('refuses %j, naming its %s', (input, part) => {
    expect(checkRepositoryLocation(input)).toEqual({ ok: false, problem: expect.stringMatching(new RegExp(`^The ${part} is refused: `)) });
  });
});
