import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobsService } from '../../jobs/jobs.service';
import { DomainError } from '../../platform/errors/domain-error';
import { RepositoryPreconditions } from '../../repositories/repository-preconditions';
import { PolicyService } from '../policies/policy.service';
import { ScheduleEntity } from '../schedule.entity';
import { CheckParametersDto } from '../../jobs/contract/check-job';
import { checkOptions, checkPolicyProblems, toCheckPolicyDto } from './check-options';
import { CheckPolicyEntity } from './check-policy.entity';
import { CheckPolicyDto, CheckPolicyInputDto, CheckRequestDto } from './dto/check-policy.dto';

@Injectable()
export class CheckPoliciesService extends PolicyService<CheckPolicyEntity, CheckPolicyDto, CheckPolicyInputDto> {
  constructor(
    @InjectRepository(CheckPolicyEntity) policies: Repository<CheckPolicyEntity>,
    @InjectRepository(ScheduleEntity) schedules: Repository<ScheduleEntity>,
    private readonly preconditions: RepositoryPreconditions,
    private readonly jobs: JobsService,
  ) {
    super(policies, schedules, {
      kind: 'check',
      input: CheckPolicyInputDto,
      usedBy: (id) => ({ checkPolicyId: id }),
      toDto: toCheckPolicyDto,
      columns,
    });
  }

  /** A check job; a repair needs the caller to confirm it in words, as it can drop what it cannot mend. */
  async startCheck(repositoryId: number, input: CheckRequestDto): Promise<JobDto> {
    await this.preconditions.assertExists(repositoryId);
    const details: Record<string, string[]> = {};
    if (input.repair && input.confirm !== 'repair') {
      details['confirm'] = ['A repair can delete data borg cannot mend; send confirm: "repair" to run it'];
    }
    let parameters: CheckParametersDto = { check_policy_id: null, policy_name: null, options: checkOptions(null), repair: false };
    if (input.check_policy_id !== undefined) {
      const fromPolicy = await this.parametersFor(input.check_policy_id);
      if (fromPolicy) parameters = fromPolicy;
      else details['check_policy_id'] = [`Check policy ${input.check_policy_id} does not exist`];
    }
    if (Object.keys(details).length) throw DomainError.invalidInput(details);
    return this.jobs.enqueue({ type: 'check', repositoryId, parameters: { ...parameters, repair: input.repair ?? false } });
  }

  /** What a check step is given: the policy's scope as it is now (never a repair); null when there is no such policy. */
  async parametersFor(policyId: number): Promise<CheckParametersDto | null> {
    const policy = await this.policies.findOneBy({ id: policyId });
    if (!policy) return null;
    return { check_policy_id: policy.id, policy_name: policy.name, options: checkOptions(policy), repair: false };
  }
}

function columns(input: CheckPolicyInputDto): Partial<CheckPolicyEntity> {
  const problems = checkPolicyProblems(input);
  if (Object.keys(problems).length) throw DomainError.invalidInput(problems);
  return {
    name: input.name,
    scope: input.scope,
    verifyData: input.verify_data ?? false,
    maxDuration: input.max_duration ?? null,
    globArchives: input.glob_archives ?? null,
    firstArchives: input.first ?? null,
    lastArchives: input.last ?? null,
  };
}
