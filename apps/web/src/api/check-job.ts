import type { Job, JobStep } from './jobs';

/** What borg check looks at, as a check job or step carries it (borg-runner's names). */
export interface CheckOptions {
  repositoryOnly?: boolean;
  archivesOnly?: boolean;
  verifyData?: boolean;
  maxDuration?: number;
  globArchives?: string;
  first?: number;
  last?: number;
}

/** What a check was given: a copy of its policy's scope (none: everything), and whether it repairs. */
export interface CheckParameters {
  policy_id: number | null;
  policy_name: string | null;
  options: CheckOptions;
  repair: boolean;
}

/** The check parameters of a check job, or of the check step of a scheduled run. */
export function checkParameters(job: Job, step?: JobStep): CheckParameters | null {
  const p = step?.parameters ?? (job.type === 'check' ? job.parameters : null);
  const options = p?.['options'];
  if (!p || typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  return {
    policy_id: typeof p['check_policy_id'] === 'number' ? p['check_policy_id'] : null,
    policy_name: typeof p['policy_name'] === 'string' ? p['policy_name'] : null,
    options: options as CheckOptions,
    repair: p['repair'] === true,
  };
}
