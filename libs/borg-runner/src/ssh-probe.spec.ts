import { BorgError } from './borg-error';
import { probeSsh, sshDestination } from './ssh-probe';

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

describe('probeSsh', () => {
  it.each(['ssh://-oProxyCommand=touch$IFS"pwned"@localhost/repo', 'ssh://-Epwned/repo', '-Epwned:repo', 'backup@localhost.:repo'])(
    'starts no ssh for %j: a BorgError of kind refused',
    async (location) => {
      const error = await probeSsh({ location }, { baseEnv: { PATH: '/nonexistent' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BorgError);
      expect(error).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/^ssh was not started: the (user|host) of the repository location/),
      });
    },
  );
});
