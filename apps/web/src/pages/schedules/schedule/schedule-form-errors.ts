import type { ScheduleInput } from '../../../api/schedules';
import {
  placeSourceErrors,
  SOURCE_DEPENDS_ON,
  SOURCE_FIELDS,
  type SourcedFormErrors,
} from '../../../components/backup-settings/source-messages';
import type { SourceRow } from '../../../components/backup-settings/source-paths-fieldset';
import { formErrors } from '../../../forms/form-errors';

/** The request fields the form shows a message at. */
const FIELDS = [
  'name',
  'host_id',
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
/** The fields of one hook the form shows a message at, as `pre_hooks.0.<field>`. */
export const HOOK_FIELDS = ['name', 'command', 'timeout_seconds', 'critical', 'run_on_failure', 'env'] as const;
export type HookField = (typeof HOOK_FIELDS)[number];

/**
 * Sorts a refused save into messages at the fields they concern, hook fields
 * and source paths included; a message goes once its field no longer holds
 * the refused value.
 */
export function scheduleFormErrors(
  error: unknown,
  sent: ScheduleInput | undefined,
  current: ScheduleInput,
  sources: SourceRow[],
): SourcedFormErrors {
  // Up to the longer of the lists sent and shown: a message about a hook removed since is dropped, not moved to the alert.
  const hookFields = (list: 'pre_hooks' | 'post_hooks') => {
    const count = Math.max(sent?.[list]?.length ?? 0, current[list]?.length ?? 0);
    return Array.from({ length: count }, (_, index) => HOOK_FIELDS.map((field) => hookFieldPath(list, index, field))).flat();
  };
  const errors = formErrors(error, {
    shown: [...FIELDS, ...SOURCE_FIELDS, ...hookFields('pre_hooks'), ...hookFields('post_hooks')],
    sent,
    current,
    dependsOn: SOURCE_DEPENDS_ON,
  });
  return placeSourceErrors(errors, sources);
}

/** A hook field's path as the server names it in its messages. */
export function hookFieldPath(list: 'pre_hooks' | 'post_hooks', index: number, field: HookField): string {
  return `${list}.${index}.${field}`;
}
