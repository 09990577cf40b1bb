import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobsService } from '../../jobs/jobs.service';
import { saveNamed } from '../../platform/database/save-unique';
import { ApiError } from '../../platform/http/api-error';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { RepositoryPreconditions } from '../../repositories/repository-preconditions';
import { ScheduleEntity } from '../schedule.entity';
import { CheckParameters, checkOptions, checkPolicyProblems, toCheckPolicyDto } from './check-options';
import { CheckPolicyEntity } from './check-policy.entity';
import { CheckPolicyDto, CheckPolicyInputDto, CheckRequestDto } from './dto/check-policy.dto';

@Injectable()
export class CheckPoliciesService {
  constructor(
    @InjectRepository(CheckPolicyEntity) private readonly policies: Repository<CheckPolicyEntity>,
    @InjectRepository(ScheduleEntity) private readonly schedules: Repository<ScheduleEntity>,
    private readonly preconditions: RepositoryPreconditions,
    private readonly jobs: JobsService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<CheckPolicyDto>> {
    const [rows, total] = await this.policies.findAndCount({ order: { name: 'ASC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return new Page(rows.map(toCheckPolicyDto), { total, limit: query.limit, offset: query.offset });
  }

  async get(id: number): Promise<CheckPolicyDto> {
    return toCheckPolicyDto(await this.find(id));
  }

  async create(input: CheckPolicyInputDto): Promise<CheckPolicyDto> {
    return toCheckPolicyDto(await this.save(this.policies.create(columns(input))));
  }

  async update(id: number, input: CheckPolicyInputDto): Promise<CheckPolicyDto> {
    const policy = await this.find(id);
    return toCheckPolicyDto(await this.save(Object.assign(policy, columns(input))));
  }

  /** Refused (409) while schedules use the policy: they would silently stop checking. */
  async remove(id: number): Promise<void> {
    const policy = await this.find(id);
    const users = await this.schedules.find({ where: { checkPolicyId: id }, order: { name: 'ASC' } });
    if (users.length > 0) {
      const names = users.map((schedule) => `"${schedule.name}"`).join(', ');
      throw ApiError.conflict(`The check policy "${policy.name}" is used by the schedule(s) ${names}; change them first`, {
        schedule_ids: users.map((schedule) => schedule.id),
      });
    }
    await this.policies.delete({ id });
  }

  /** A check job; a repair needs the caller to confirm it in words, as it can drop what it cannot mend. */
  async startCheck(repositoryId: number, input: CheckRequestDto): Promise<JobDto> {
    await this.preconditions.assertExists(repositoryId);
    const details: Record<string, string[]> = {};
    if (input.repair && input.confirm !== 'repair') {
      details['confirm'] = ['A repair can delete data borg cannot mend; send confirm: "repair" to run it'];
    }
    let parameters: CheckParameters = { check_policy_id: null, policy_name: null, options: checkOptions(null), repair: false };
    if (input.check_policy_id !== undefined) {
      const fromPolicy = await this.parametersFor(input.check_policy_id);
      if (fromPolicy) parameters = fromPolicy;
      else details['check_policy_id'] = [`Check policy ${input.check_policy_id} does not exist`];
    }
    if (Object.keys(details).length) throw ApiError.validation(`Invalid input data: ${Object.keys(details).join(', ')}`, details);
    return this.jobs.enqueue({ type: 'check', repositoryId, parameters: { ...parameters, repair: input.repair ?? false } });
  }

  /** What a check step is given: the policy's scope as it is now (never a repair); null when there is no such policy. */
  async parametersFor(policyId: number): Promise<CheckParameters | null> {
    const policy = await this.policies.findOneBy({ id: policyId });
    if (!policy) return null;
    return { check_policy_id: policy.id, policy_name: policy.name, options: checkOptions(policy), repair: false };
  }

  private async find(id: number): Promise<CheckPolicyEntity> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw ApiError.notFound(`Check policy ${id} does not exist`);
    return policy;
  }

  private save(policy: CheckPolicyEntity): Promise<CheckPolicyEntity> {
    return saveNamed(this.policies, policy, 'check policy');
  }
}

function columns(input: CheckPolicyInputDto): Partial<CheckPolicyEntity> {
  const problems = checkPolicyProblems(input);
  if (Object.keys(problems).length) throw ApiError.validation(`Invalid input data: ${Object.keys(problems).join(', ')}`, problems);
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
