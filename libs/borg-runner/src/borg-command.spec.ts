import { describeBorgCommand } from './borg-command';

describe('describeBorgCommand', () => {
  it('writes options of either naming as flags, leaving out what is unset or false', () => {
    expect(
      describeBorgCommand(['borg', 'prune', '--list'], { keep_daily: 7, keepWithin: '2d', dry_run: false, glob_archives: undefined }),
    ).toBe('Running: borg prune --list --keep-daily 7 --keep-within 2d REPOSITORY');
    expect(describeBorgCommand(['borg', 'check'], { repository_only: true }, ['REPO'])).toBe('Running: borg check --repository-only REPO');
  });
});
