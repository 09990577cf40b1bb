import { archiveLocation, borgKeysDir, isRemoteLocation } from './location';

describe('isRemoteLocation', () => {
  it.each([
    ['ssh://user@host:2222/path/repo', true],
    ['SSH://host/./repo', true],
    ['user@host:path', true],
    ['user@host:/abs/path', true],
    ['host:repo', true],
    ['user@[::1]:repo', true],
    ['/abs/path', false],
    ['/abs/with:colon', false],
    ['relative/dir', false],
    ['./a:b', false],
    ['file:///abs/path', false],
    ['', false],
  ])('%s → %s', (location, remote) => {
    expect(isRemoteLocation(location)).toBe(remote);
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
