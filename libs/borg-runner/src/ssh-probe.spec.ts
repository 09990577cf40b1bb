import { sshDestination } from './ssh-probe';

describe('sshDestination', () => {
  it.each([
    ['ssh://backup@nas.local:2222/srv/borg', { destination: 'backup@nas.local', port: 2222 }],
    ['ssh://nas.local/srv/borg', { destination: 'nas.local' }],
    ['ssh://root@[::1]:22/srv', { destination: 'root@::1', port: 22 }],
    ['backup@nas.local:borg/docs', { destination: 'backup@nas.local' }],
    ['nas.local:/srv/borg', { destination: 'nas.local' }],
    ['backup@[::1]:/srv', { destination: 'backup@::1' }],
  ])('%s', (location, expected) => {
    expect(sshDestination(location)).toEqual(expected);
  });

  it('is null for a local path', () => {
    expect(sshDestination('/srv/borg')).toBeNull();
  });
});
