import { DEFAULT_ARCHIVE_NAME, DEFAULT_COMPRESSION } from '../../../api/backups';
import type { Schedule, ScheduleHook } from '../../../api/schedules';
import { CUSTOM_COMPRESSION } from '../../../components/backup-settings/compression';
import { CUSTOM_CRON, DEFAULT_CRON } from './cron-presets';
import { emptyHook } from './hook-values';
import {
  archiveNameFor,
  cronExpressionOf,
  hostChange,
  newScheduleValues,
  scheduleFormValues,
  scheduleInput,
  sourcePaths,
  type ScheduleFormValues,
} from './schedule-form-values';

const HOOK: ScheduleHook = {
  name: 'Dump',
  command: ['pg_dump', 'app'],
  shell: false,
  timeout_seconds: 60,
  critical: true,
  run_on_failure: false,
  env: {},
};

const STORED: Schedule = {
  id: 9,
  name: 'Daily Documents',
  repository_id: 2,
  host_id: null,
  source_path: '/srv/documents',
  source_paths: ['/srv/documents', '/etc'],
  archive_name: 'documents-{now}',
  compression: 'zstd',
  exclude_patterns: ['*.tmp', 'sh:**/cache'],
  one_file_system: true,
  cron_expression: '0 2 * * *',
  timezone: 'America/New_York',
  description: 'At 02:00',
  enabled: true,
  disabled_reason: null,
  next_run_at: '2026-12-01T02:00:00-05:00',
  pruning_policy_id: 4,
  check_policy_id: null,
  cloud_sync_config_id: 6,
  pre_hooks: [HOOK, { ...HOOK, name: 'Snapshot' }],
  post_hooks: [{ ...HOOK, name: 'Unmount', critical: false, run_on_failure: true }],
  catch_up: true,
  last_run: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('newScheduleValues', () => {
  it("is a nightly schedule at 02:00 in the browser's time zone, with one empty source", () => {
    const values = newScheduleValues();
    expect(values.cronChoice).toBe(DEFAULT_CRON);
    expect(cronExpressionOf(values)).toBe('0 2 * * *');
    expect(values.timezone).toBe('Europe/Berlin');
    expect(values.sources).toEqual([{ key: 0, path: '' }]);
    expect(values.archiveName).toBe(DEFAULT_ARCHIVE_NAME);
    expect(values.archiveNameEdited).toBe(false);
    expect(values.compression).toBe(DEFAULT_COMPRESSION);
    expect(values.enabled).toBe(true);
    expect(values.catchUp).toBe(false);
    expect([values.pruningPolicyId, values.checkPolicyId, values.cloudSyncConfigId]).toEqual(['', '', '']);
    expect([values.preHooks, values.postHooks]).toEqual([[], []]);
    expect(values.hostId).toBe('');
  });
});

describe('scheduleFormValues', () => {
  it('holds a stored schedule as the form shows it', () => {
    const values = scheduleFormValues(STORED);
    expect(values).toMatchObject({
      name: 'Daily Documents',
      hostId: '',
      repositoryId: '2',
      sources: [
        { key: 0, path: '/srv/documents' },
        { key: 1, path: '/etc' },
      ],
      archiveName: 'documents-{now}',
      archiveNameEdited: true,
      compression: 'zstd',
      customCompression: '',
      excludes: '*.tmp\nsh:**/cache',
      oneFileSystem: true,
      cronChoice: '0 2 * * *',
      customCron: '0 2 * * *',
      timezone: 'America/New_York',
      enabled: true,
      catchUp: true,
      pruningPolicyId: '4',
      checkPolicyId: '',
      cloudSyncConfigId: '6',
    });
  });

  it("holds a host schedule's host as the select's value", () => {
    expect(scheduleFormValues({ ...STORED, host_id: 7 }).hostId).toBe('7');
  });

  it('keys the hooks 0, 1, 2… across both lists', () => {
    const values = scheduleFormValues(STORED);
    expect(values.preHooks.map((hook) => [hook.key, hook.name])).toEqual([
      [0, 'Dump'],
      [1, 'Snapshot'],
    ]);
    expect(values.postHooks.map((hook) => [hook.key, hook.name, hook.runOnFailure])).toEqual([[2, 'Unmount', true]]);
  });

  it('shows a compression that is not a preset as a custom one', () => {
    const values = scheduleFormValues({ ...STORED, compression: 'zstd,5' });
    expect(values.compression).toBe(CUSTOM_COMPRESSION);
    expect(values.customCompression).toBe('zstd,5');
  });

  it('recognises a preset cron expression written with other spacing, and keeps any other as custom', () => {
    expect(scheduleFormValues({ ...STORED, cron_expression: ' 0  2 * *\t* ' }).cronChoice).toBe('0 2 * * *');
    const custom = scheduleFormValues({ ...STORED, cron_expression: '30 1 * * 6' });
    expect(custom.cronChoice).toBe(CUSTOM_CRON);
    expect(custom.customCron).toBe('30 1 * * 6');
  });
});

describe('archiveNameFor', () => {
  it("prefixes borg's date placeholder with the schedule's name in lower case, words joined by dashes", () => {
    expect(archiveNameFor('Daily Documents')).toBe('daily-documents-{now:%Y-%m-%dT%H:%M:%S}');
    expect(archiveNameFor('Photos 2026 v1.2')).toBe('photos-2026-v1.2-{now:%Y-%m-%dT%H:%M:%S}');
  });

  it('drops accents and leading or trailing punctuation', () => {
    expect(archiveNameFor('Café Crème')).toBe('cafe-creme-{now:%Y-%m-%dT%H:%M:%S}');
    expect(archiveNameFor('  --My  Backups!! ')).toBe('my-backups-{now:%Y-%m-%dT%H:%M:%S}');
    expect(archiveNameFor('.hidden')).toBe('hidden-{now:%Y-%m-%dT%H:%M:%S}');
  });

  it("falls back to the server's default when nothing of the name can be used", () => {
    expect(archiveNameFor('')).toBe(DEFAULT_ARCHIVE_NAME);
    expect(archiveNameFor('   ')).toBe(DEFAULT_ARCHIVE_NAME);
    expect(archiveNameFor('日本語')).toBe(DEFAULT_ARCHIVE_NAME);
  });
});

describe('cronExpressionOf', () => {
  it('is the chosen preset, or the custom expression without surrounding spaces', () => {
    expect(cronExpressionOf({ cronChoice: '0 * * * *', customCron: 'ignored' })).toBe('0 * * * *');
    expect(cronExpressionOf({ cronChoice: CUSTOM_CRON, customCron: '  30 1 * * 6 ' })).toBe('30 1 * * 6');
  });
});

describe('sourcePaths', () => {
  it('trims the rows and leaves out empty ones', () => {
    const values = {
      ...newScheduleValues(),
      sources: [
        { key: 0, path: ' /srv/a ' },
        { key: 1, path: '' },
        { key: 2, path: '  ' },
        { key: 3, path: '/srv/b' },
      ],
    };
    expect(sourcePaths(values)).toEqual(['/srv/a', '/srv/b']);
  });
});

describe('scheduleInput', () => {
  const typed = (changes: Partial<ScheduleFormValues>): ScheduleFormValues => ({ ...newScheduleValues(), ...changes });

  it('sends every field of a new schedule, ids as numbers and none as null', () => {
    const pre = { ...emptyHook(0), name: 'Before', argv: 'true' };
    const post = { ...emptyHook(1), name: 'After', argv: 'true', runOnFailure: true };
    expect(
      scheduleInput(
        typed({
          name: ' Nightly ',
          repositoryId: '3',
          sources: [{ key: 0, path: ' /srv/data ' }],
          archiveName: ' nightly-{now} ',
          excludes: ' *.tmp \n\n*.log\n',
          oneFileSystem: true,
          cronChoice: CUSTOM_CRON,
          customCron: ' 15 3 * * * ',
          timezone: ' Asia/Tokyo ',
          enabled: false,
          catchUp: true,
          pruningPolicyId: '5',
          checkPolicyId: '',
          cloudSyncConfigId: '0',
          preHooks: [pre],
          postHooks: [post],
        }),
      ),
    ).toEqual({
      name: 'Nightly',
      repository_id: 3,
      host_id: null,
      source_paths: ['/srv/data'],
      archive_name: 'nightly-{now}',
      compression: 'lz4',
      exclude_patterns: ['*.tmp', '*.log'],
      one_file_system: true,
      cron_expression: '15 3 * * *',
      timezone: 'Asia/Tokyo',
      enabled: false,
      catch_up: true,
      pruning_policy_id: 5,
      check_policy_id: null,
      cloud_sync_config_id: 0,
      pre_hooks: [{ name: 'Before', shell: false, command: ['true'], timeout_seconds: 600, critical: false, env: {} }],
      post_hooks: [
        { name: 'After', shell: false, command: ['true'], timeout_seconds: 600, critical: false, env: {}, run_on_failure: true },
      ],
    });
  });

  it("sends the chosen host's id, and null for this server, which clears a stored host on PUT", () => {
    expect(scheduleInput(typed({ hostId: '7' })).host_id).toBe(7);
    expect(scheduleInput(typed({ hostId: '' })).host_id).toBeNull();
    expect(scheduleInput(scheduleFormValues({ ...STORED, host_id: 4 })).host_id).toBe(4);
  });

  it("sends an emptied archive name and zone as null, so the server's defaults apply", () => {
    const input = scheduleInput(typed({ archiveName: '  ', timezone: '' }));
    expect(input.archive_name).toBeNull();
    expect(input.timezone).toBeNull();
  });

  it('sends a custom compression as typed, without surrounding spaces', () => {
    expect(scheduleInput(typed({ compression: CUSTOM_COMPRESSION, customCompression: ' auto,zstd,7 ' })).compression).toBe('auto,zstd,7');
    expect(scheduleInput(typed({ compression: 'zlib', customCompression: 'kept for later' })).compression).toBe('zlib');
  });

  it('gives back the stored schedule after a round trip through the form', () => {
    const input = scheduleInput(scheduleFormValues(STORED));
    expect(input).toEqual({
      name: STORED.name,
      repository_id: STORED.repository_id,
      host_id: null,
      source_paths: STORED.source_paths,
      archive_name: STORED.archive_name,
      compression: STORED.compression,
      exclude_patterns: STORED.exclude_patterns,
      one_file_system: STORED.one_file_system,
      cron_expression: STORED.cron_expression,
      timezone: STORED.timezone,
      enabled: STORED.enabled,
      catch_up: STORED.catch_up,
      pruning_policy_id: STORED.pruning_policy_id,
      check_policy_id: STORED.check_policy_id,
      cloud_sync_config_id: STORED.cloud_sync_config_id,
      // A pre-hook never says whether it runs on failure.
      pre_hooks: STORED.pre_hooks.map(({ name, command, shell, timeout_seconds, critical, env }) => ({
        name,
        command,
        shell,
        timeout_seconds,
        critical,
        env,
      })),
      post_hooks: STORED.post_hooks,
    });
  });
});

describe('hostChange', () => {
  const values = { hostId: '', repositoryId: '3', sources: [{ key: 0, path: '/srv/data' }] };
  const remote = (id: string) => id === '5';

  it('starts the sources again when another machine is chosen: its paths are not these', () => {
    expect(hostChange(values, '7', 4, remote)).toEqual({ hostId: '7', repositoryId: '3', sources: [{ key: 4, path: '' }] });
    expect(hostChange({ ...values, hostId: '7' }, '', 5, remote)).toEqual({
      hostId: '',
      repositoryId: '3',
      sources: [{ key: 5, path: '' }],
    });
  });

  it('unchooses a remote repository for a host, which writes only into one on this server', () => {
    expect(hostChange({ ...values, repositoryId: '5' }, '7', 1, remote).repositoryId).toBe('');
    expect(hostChange({ ...values, hostId: '7', repositoryId: '5' }, '', 1, remote).repositoryId).toBe('5');
  });

  it('keeps everything when the same machine is chosen again', () => {
    expect(hostChange(values, '', 9, remote)).toEqual(values);
  });
});
