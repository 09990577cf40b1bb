import { DEFAULT_ARCHIVE_NAME, DEFAULT_COMPRESSION } from '../../../api/backups';
import type { Schedule, ScheduleInput } from '../../../api/schedules';
import { COMPRESSION_PRESETS, CUSTOM_COMPRESSION } from '../../../components/backup-settings/compression';
import type { SourceRow } from '../../../components/backup-settings/source-paths-fieldset';
import { CUSTOM_CRON, DEFAULT_CRON, cronChoiceOf } from './cron-presets';
import { hookFormValues, postHookInput, preHookInput, type HookFormValues } from './hook-values';

/** The schedule form's values: text as typed, ids as the selects hold them (`''` for none). */
export interface ScheduleFormValues {
  name: string;
  /** The host backed up in pull mode, by id; '' for this server. */
  hostId: string;
  repositoryId: string;
  sources: SourceRow[];
  archiveName: string;
  /** Until the user edits it, the archive name of a new schedule follows the schedule's name. */
  archiveNameEdited: boolean;
  /** A preset, or CUSTOM_COMPRESSION for `customCompression`. */
  compression: string;
  customCompression: string;
  /** One pattern per line. */
  excludes: string;
  oneFileSystem: boolean;
  /** A preset's expression, or CUSTOM_CRON for `customCron`. */
  cronChoice: string;
  customCron: string;
  timezone: string;
  enabled: boolean;
  catchUp: boolean;
  pruningPolicyId: string;
  checkPolicyId: string;
  cloudSyncConfigId: string;
  preHooks: HookFormValues[];
  postHooks: HookFormValues[];
}

/** A new schedule: every night at 02:00 in the browser's time zone. */
export function newScheduleValues(): ScheduleFormValues {
  return {
    name: '',
    hostId: '',
    repositoryId: '',
    sources: [{ key: 0, path: '' }],
    archiveName: DEFAULT_ARCHIVE_NAME,
    archiveNameEdited: false,
    compression: DEFAULT_COMPRESSION,
    customCompression: '',
    excludes: '',
    oneFileSystem: false,
    cronChoice: DEFAULT_CRON,
    customCron: DEFAULT_CRON,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    enabled: true,
    catchUp: false,
    pruningPolicyId: '',
    checkPolicyId: '',
    cloudSyncConfigId: '',
    preHooks: [],
    postHooks: [],
  };
}

/** The form's values for changing a schedule; its hooks are keyed 0, 1, 2… across both lists. */
export function scheduleFormValues(schedule: Schedule): ScheduleFormValues {
  let key = 0;
  const presetCompression = COMPRESSION_PRESETS.some((preset) => preset.value === schedule.compression);
  return {
    name: schedule.name,
    hostId: schedule.host_id === null ? '' : String(schedule.host_id),
    repositoryId: String(schedule.repository_id),
    sources: schedule.source_paths.map((path, index) => ({ key: index, path })),
    archiveName: schedule.archive_name,
    archiveNameEdited: true,
    compression: presetCompression ? schedule.compression : CUSTOM_COMPRESSION,
    customCompression: presetCompression ? '' : schedule.compression,
    excludes: schedule.exclude_patterns.join('\n'),
    oneFileSystem: schedule.one_file_system,
    cronChoice: cronChoiceOf(schedule.cron_expression),
    customCron: schedule.cron_expression,
    timezone: schedule.timezone,
    enabled: schedule.enabled,
    catchUp: schedule.catch_up,
    pruningPolicyId: schedule.pruning_policy_id === null ? '' : String(schedule.pruning_policy_id),
    checkPolicyId: schedule.check_policy_id === null ? '' : String(schedule.check_policy_id),
    cloudSyncConfigId: schedule.cloud_sync_config_id === null ? '' : String(schedule.cloud_sync_config_id),
    preHooks: schedule.pre_hooks.map((hook) => hookFormValues(hook, key++)),
    postHooks: schedule.post_hooks.map((hook) => hookFormValues(hook, key++)),
  };
}

/**
 * The archive name a schedule's name suggests, `documents-{now:%Y-%m-%dT%H:%M:%S}`
 * for "Documents": its archives then share a prefix, so a pruning policy with
 * the pattern `documents-*` thins out exactly them.
 */
export function archiveNameFor(scheduleName: string): string {
  const prefix = archivePrefix(scheduleName);
  return prefix ? `${prefix}-{now:%Y-%m-%dT%H:%M:%S}` : DEFAULT_ARCHIVE_NAME;
}

/** "Daily Documents" → "daily-documents": lower case letters, digits, dots and dashes. */
function archivePrefix(scheduleName: string): string {
  return scheduleName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
}

/**
 * The change "Back up from" makes: paths of one machine mean nothing on another, so the sources start again with one
 * empty row (keyed `rowKey`); a host writes only into a repository on this server, so a remote one is unchosen.
 */
export function hostChange(
  values: Pick<ScheduleFormValues, 'hostId' | 'repositoryId' | 'sources'>,
  hostId: string,
  rowKey: number,
  isRemote: (repositoryId: string) => boolean,
): Pick<ScheduleFormValues, 'hostId' | 'repositoryId' | 'sources'> {
  if (hostId === values.hostId) return { hostId, repositoryId: values.repositoryId, sources: values.sources };
  return {
    hostId,
    repositoryId: hostId !== '' && isRemote(values.repositoryId) ? '' : values.repositoryId,
    sources: [{ key: rowKey, path: '' }],
  };
}

export function cronExpressionOf(values: Pick<ScheduleFormValues, 'cronChoice' | 'customCron'>): string {
  return values.cronChoice === CUSTOM_CRON ? values.customCron.trim() : values.cronChoice;
}

export function sourcePaths(values: ScheduleFormValues): string[] {
  return values.sources.map((row) => row.path.trim()).filter(Boolean);
}

/**
 * The request body. Every field is sent, since PUT changes only the fields a
 * body gives; an emptied archive name or zone is null: the server's default.
 */
export function scheduleInput(values: ScheduleFormValues): ScheduleInput {
  const input: ScheduleInput = {
    name: values.name.trim(),
    repository_id: Number(values.repositoryId),
    host_id: values.hostId === '' ? null : Number(values.hostId),
    source_paths: sourcePaths(values),
    compression: values.compression === CUSTOM_COMPRESSION ? values.customCompression.trim() : values.compression,
    exclude_patterns: values.excludes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    one_file_system: values.oneFileSystem,
    cron_expression: cronExpressionOf(values),
    enabled: values.enabled,
    catch_up: values.catchUp,
    pruning_policy_id: values.pruningPolicyId === '' ? null : Number(values.pruningPolicyId),
    check_policy_id: values.checkPolicyId === '' ? null : Number(values.checkPolicyId),
    cloud_sync_config_id: values.cloudSyncConfigId === '' ? null : Number(values.cloudSyncConfigId),
    pre_hooks: values.preHooks.map(preHookInput),
    post_hooks: values.postHooks.map(postHookInput),
  };
  // Emptied: the server's default, also in place of a stored value (null clears a field on PUT).
  input.archive_name = values.archiveName.trim() || null;
  input.timezone = values.timezone.trim() || null;
  return input;
}
