import type { Schemas } from '@borgitory/api-client';
import type { CheckPolicy, CheckScope } from '../../api/check-policies';
import { formatDuration } from '../../format/duration';

/** borg check's three scopes, as the form offers them. */
export const CHECK_SCOPES: readonly { value: CheckScope; label: string; hint: string }[] = [
  {
    value: 'full',
    label: 'Repository and archives',
    hint: 'The repository’s segments, then the archives’ metadata: the usual full check.',
  },
  {
    value: 'repository_only',
    label: 'Repository only',
    hint: 'The segments only. It can stop after a time limit and go on from there the next time.',
  },
  {
    value: 'archives_only',
    label: 'Archives only',
    hint: 'The archives’ metadata, and with “Verify data” their data, without the segments.',
  },
];

/** What a policy (or a check job's copy of it) has borg check look at. */
export type CheckSelection = Pick<CheckPolicy, 'scope' | 'verify_data' | 'max_duration' | 'glob_archives' | 'first' | 'last'>;

/** The selection of a check job, which leaves out what is not set. */
export function checkSelectionOfCheck(options: Schemas['CheckOptionsDto']): CheckSelection {
  return {
    scope: options.repository_only ? 'repository_only' : options.archives_only ? 'archives_only' : 'full',
    verify_data: options.verify_data === true,
    max_duration: options.max_duration ?? null,
    glob_archives: options.glob_archives ?? null,
    first: options.first ?? null,
    last: options.last ?? null,
  };
}

export function scopeLabel(scope: CheckScope): string {
  return CHECK_SCOPES.find((choice) => choice.value === scope)?.label ?? scope;
}

/**
 * What a check with the policy does, in a sentence: "borg check goes through
 * the newest 2 archives matching docs-* and verifies every data chunk."
 */
export function checkDescription(policy: CheckSelection): string {
  const segments = policy.scope !== 'archives_only' ? 'the repository’s segments' : null;
  const archives = policy.scope !== 'repository_only' ? archivesPhrase(policy) : null;
  const limit = timeLimitWords(policy);
  return [
    `borg check goes through ${[segments, archives].filter(Boolean).join(' and ')}`,
    limit ? `, stopping after ${limit}` : '',
    policy.verify_data ? ' and verifies every data chunk' : '',
    '.',
  ].join('');
}

/** "the archives", "the oldest archive", "the newest 2 archives matching docs-*". */
function archivesPhrase(policy: CheckSelection): string {
  const count = policy.last ?? policy.first;
  const which = policy.last !== null ? 'newest' : 'oldest';
  const archives = count === null ? 'the archives' : count === 1 ? `the ${which} archive` : `the ${which} ${count} archives`;
  return policy.glob_archives ? `${archives} matching ${policy.glob_archives}` : archives;
}

/** Which archives the policy checks, in words: "All", "oldest 3", "matching docs-* · newest 2"; null when it checks none. */
export function archiveSelectionWords(policy: CheckSelection): string | null {
  if (policy.scope === 'repository_only') return null;
  const parts = [
    policy.glob_archives && `matching ${policy.glob_archives}`,
    policy.first !== null && `oldest ${policy.first}`,
    policy.last !== null && `newest ${policy.last}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : 'All';
}

/** "30 min", or null for no limit. */
export function timeLimitWords(policy: CheckSelection): string | null {
  return policy.max_duration === null ? null : formatDuration(policy.max_duration);
}
