import { parseRepositoryLocation } from './repository-location';

describe('parseRepositoryLocation', () => {
  it.each([
    ['/mnt/repos/docs', { location: '/mnt/repos/docs', remote: false }],
    ['/mnt/repos//docs/', { location: '/mnt/repos/docs', remote: false }],
    ['/mnt/repos/../other', { location: '/mnt/other', remote: false }],
    ['ssh://backup@nas.local:2222/srv/borg/docs', { remote: true, host: 'nas.local', port: 2222 }],
    ['ssh://nas.local/./borg', { remote: true, host: 'nas.local', port: 22 }],
    ['backup@nas.local:borg/docs', { remote: true, host: 'nas.local', port: 22 }],
    ['backup@[::1]:/srv/borg', { remote: true, host: '::1', port: 22 }],
  ])('accepts %s', (input, expected) => {
    expect(parseRepositoryLocation(input)).toMatchObject(expected);
  });

  it.each(['', 'relative/path', 'ssh://host', 'ssh://user:secret@host/repo', 'http://host/repo', '/repo\nrm', 'C:\\repo'])(
    'refuses %j',
    (input) => {
      expect(parseRepositoryLocation(input)).toBeNull();
    },
  );
});
