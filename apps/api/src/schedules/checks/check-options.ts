import { BorgCheckScope } from '@borgitory/borg-runner';
import { describeBorgCommand } from '../borg-command';
import { CheckPolicyDto, CheckPolicyInputDto } from './dto/check-policy.dto';
import { CheckPolicyEntity } from './check-policy.entity';

/** What a check job is given: a copy of the policy's scope as it was, so that a retry checks the same. */
export interface CheckParameters {
  check_policy_id: number | null;
  policy_name: string | null;
  options: BorgCheckScope;
  repair: boolean;
}

/** What borg 1.2 refuses to combine, said per field before anything runs. */
export function checkPolicyProblems(input: CheckPolicyInputDto): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const archiveSelection = input.glob_archives || input.first || input.last;
  if (input.scope === 'repository_only') {
    if (input.verify_data) problems['verify_data'] = ['verify_data checks archive data; it needs scope full or archives_only'];
    if (archiveSelection) problems['scope'] = ['glob_archives, first and last select archives; they need scope full or archives_only'];
  } else if (input.max_duration) {
    problems['max_duration'] = ['max_duration is for partial repository checks: it needs scope repository_only'];
  }
  if (input.first && input.last) problems['last'] = ['Give first or last, not both'];
  return problems;
}

export function checkOptions(policy: CheckPolicyEntity | null): BorgCheckScope {
  if (!policy) return {};
  const options: BorgCheckScope = {};
  if (policy.scope === 'repository_only') options.repositoryOnly = true;
  if (policy.scope === 'archives_only') options.archivesOnly = true;
  if (policy.verifyData) options.verifyData = true;
  if (policy.maxDuration !== null) options.maxDuration = policy.maxDuration;
  if (policy.globArchives) options.globArchives = policy.globArchives;
  if (policy.firstArchives !== null) options.first = policy.firstArchives;
  if (policy.lastArchives !== null) options.last = policy.lastArchives;
  return options;
}

export function describeCheck(options: BorgCheckScope, repair: boolean): string {
  return describeBorgCommand(['borg', 'check', '--info'], { ...options, repair });
}

export function toCheckPolicyDto(policy: CheckPolicyEntity): CheckPolicyDto {
  return {
    id: policy.id,
    name: policy.name,
    scope: policy.scope,
    verify_data: policy.verifyData,
    max_duration: policy.maxDuration,
    glob_archives: policy.globArchives,
    first: policy.firstArchives,
    last: policy.lastArchives,
    created_at: policy.createdAt.toISOString(),
    updated_at: policy.updatedAt.toISOString(),
  };
}
