import { BorgCheckScope, describeBorgCommand } from '@borgitory/borg-runner';
import { CheckOptionsDto } from '../../jobs/contract/check-job';
import { CheckPolicyDto, CheckPolicyInputDto } from './dto/check-policy.dto';
import { CheckPolicyEntity } from './check-policy.entity';

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

/** The policy's scope as a check job carries it (no policy: everything). */
export function checkOptions(policy: CheckPolicyEntity | null): CheckOptionsDto {
  if (!policy) return {};
  const options: CheckOptionsDto = {};
  if (policy.scope === 'repository_only') options.repository_only = true;
  if (policy.scope === 'archives_only') options.archives_only = true;
  if (policy.verifyData) options.verify_data = true;
  if (policy.maxDuration !== null) options.max_duration = policy.maxDuration;
  if (policy.globArchives) options.glob_archives = policy.globArchives;
  if (policy.firstArchives !== null) options.first = policy.firstArchives;
  if (policy.lastArchives !== null) options.last = policy.lastArchives;
  return options;
}

/** The scope in borg-runner's terms. */
export function borgCheckScope(options: CheckOptionsDto): BorgCheckScope {
  return {
    repositoryOnly: options.repository_only,
    archivesOnly: options.archives_only,
    verifyData: options.verify_data,
    maxDuration: options.max_duration,
    globArchives: options.glob_archives,
    first: options.first,
    last: options.last,
  };
}

export function describeCheck(options: CheckOptionsDto, repair: boolean): string {
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
