import type { ScheduleInput } from '../../../api/schedules';
import { placeSourceMessages } from '../../../components/backup-settings/source-messages';
import type { SourceRow } from '../../../components/backup-settings/source-paths-fieldset';
import { saveErrors } from '../../../forms/save-errors';

/** The request fields the form shows a message at. */
const FIELDS = [
  'name',
  'repository_id',
  'archive_name',
  'compression',
  'exclude_patterns',
  'one_file_system',
  'cron_expression',
  'timezone',
  'enabled',
  'catch_up',
  'pruning_policy_id',
  'check_policy_id',
  'cloud_sync_config_id',
  'pre_hooks',
  'post_hooks',
];
const SOURCE_FIELDS = ['source_path', 'source_paths'];
/** The fields of one hook the form shows a message at, as `pre_hooks.0.<field>`. */
export const HOOK_FIELDS = ['name', 'command', 'timeout_seconds', 'critical', 'run_on_failure', 'env'] as const;
export type HookField = (typeof HOOK_FIELDS)[number];

export interface ScheduleFormErrors {
  /** Messages by request field, hook fields by their path (`post_hooks.1.env`). */
  fields: Record<string, string[]>;
  /** Messages about one source path, by row index. */
  sourceRows: string[][];
  /** Messages about the source paths as a whole. */
  sources: string[];
  /** Everything else, for the alert at the top of the form. */
  alert: string | null;
}

/**
 * Sorts a refused save into messages at the fields they concern, hook fields
 * included; a message goes once its field no longer holds the refused value.
 */
export function scheduleFormErrors(
  error: unknown,
  sent: ScheduleInput | undefined,
  current: ScheduleInput,
  sources: SourceRow[],
): ScheduleFormErrors {
  // Up to the longer of the lists sent and shown: a message about a hook removed since is dropped, not moved to the alert.
  const hookFields = (list: 'pre_hooks' | 'post_hooks') => {
    const count = Math.max(sent?.[list]?.length ?? 0, current[list]?.length ?? 0);
    return Array.from({ length: count }, (_, index) => HOOK_FIELDS.map((field) => hookFieldPath(list, index, field))).flat();
  };
  const { fields, alert } = saveErrors(error, {
    shown: [...FIELDS, ...SOURCE_FIELDS, ...hookFields('pre_hooks'), ...hookFields('post_hooks')],
    sent,
    current,
    dependsOn: { source_path: ['source_paths'] },
  });
  const sourceMessages = SOURCE_FIELDS.flatMap((field) => fields[field] ?? []);
  const placed = placeSourceMessages(sourceMessages, sources);
  for (const field of SOURCE_FIELDS) delete fields[field];
  return { fields, sourceRows: placed.rows, sources: placed.group, alert };
}

/** A hook field's path as the server names it in its messages. */
export function hookFieldPath(list: 'pre_hooks' | 'post_hooks', index: number, field: HookField): string {
  return `${list}.${index}.${field}`;
}
