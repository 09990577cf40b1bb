import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgRunner } from '@borgitory/borg-runner';
import { Repository } from 'typeorm';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobsService } from '../../jobs/jobs.service';
import { DomainError } from '../../platform/errors/domain-error';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';
import { missingRepository, RepositoryPreconditions } from '../../repositories/repository-preconditions';
import { PolicyService } from '../policies/policy.service';
import { ScheduleEntity } from '../schedule.entity';
import { KEEP_COUNTS, PrunePreviewDto, PruneRequestDto, PruningPolicyDto, PruningPolicyInputDto } from './dto/pruning-policy.dto';
import { PruneParametersDto } from '../../jobs/contract/prune-job';
import { borgPruneRules, pruneRules, toPruningPolicyDto } from './prune-rules';
import { PruningPolicyEntity } from './pruning-policy.entity';

@Injectable()
export class PruningPoliciesService extends PolicyService<PruningPolicyEntity, PruningPolicyDto, PruningPolicyInputDto> {
  constructor(
    @InjectRepository(PruningPolicyEntity) policies: Repository<PruningPolicyEntity>,
    @InjectRepository(ScheduleEntity) schedules: Repository<ScheduleEntity>,
    private readonly preconditions: RepositoryPreconditions,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly jobs: JobsService,
    private readonly borg: BorgRunner,
  ) {
    super(policies, schedules, {
      kind: 'pruning',
      input: PruningPolicyInputDto,
      usedBy: (id) => ({ pruningPolicyId: id }),
      toDto: toPruningPolicyDto,
      columns,
    });
  }

  /** `borg prune --dry-run --list` with the policy's rules: what would be kept (and by which rule) and pruned. */
  async preview(id: number, repositoryId: number): Promise<PrunePreviewDto> {
    const policy = await this.find(id);
    if (!(await this.preconditions.exists(repositoryId))) {
      throw DomainError.invalidInput({ repository_id: [missingRepository(repositoryId)] });
    }
    await this.preconditions.assertIdle(repositoryId, 'try the preview when it has finished');
    const { result } = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.prune(connection, { ...borgPruneRules(pruneRules(policy)), dryRun: true }),
    );
    return { keep: result.kept.map((name) => ({ name, rule: result.rules[name] })), prune: result.pruned };
  }

  /** A prune job on the repository, then borg compact as its second step when the policy says so. */
  async startPrune(repositoryId: number, input: PruneRequestDto): Promise<JobDto> {
    await this.preconditions.assertExists(repositoryId);
    const parameters = await this.parametersFor(input.pruning_policy_id, input.dry_run ?? false);
    if (!parameters) {
      throw DomainError.invalidInput({
        pruning_policy_id: [`Pruning policy ${input.pruning_policy_id} does not exist`],
      });
    }
    return this.jobs.enqueue({
      type: 'prune',
      repositoryId,
      parameters,
      steps: parameters.compact_after ? [{ type: 'prune' }, { type: 'compact' }] : [{ type: 'prune' }],
    });
  }

  /** What a prune step is given: the policy's rules as they are now; null when there is no such policy. */
  async parametersFor(policyId: number, dryRun = false): Promise<PruneParametersDto | null> {
    const policy = await this.policies.findOneBy({ id: policyId });
    if (!policy) return null;
    return {
      pruning_policy_id: policy.id,
      policy_name: policy.name,
      rules: pruneRules(policy),
      compact_after: policy.compactAfter && !dryRun,
      dry_run: dryRun,
    };
  }
}

/** Columns from the body; a policy without any keep rule would let borg delete every archive, so it is refused. */
function columns(input: PruningPolicyInputDto): Partial<PruningPolicyEntity> {
  const hasRule = Boolean(input.keep_within) || KEEP_COUNTS.some((key) => typeof input[key] === 'number');
  if (!hasRule) {
    throw DomainError.invalidInput({
      keep: [
        'Set at least one keep rule (keep within, or a number of archives to keep); without one borg prune would delete every archive',
      ],
    });
  }
  return {
    name: input.name,
    keepWithin: input.keep_within ?? null,
    keepLast: input.keep_last ?? null,
    keepSecondly: input.keep_secondly ?? null,
    keepMinutely: input.keep_minutely ?? null,
    keepHourly: input.keep_hourly ?? null,
    keepDaily: input.keep_daily ?? null,
    keepWeekly: input.keep_weekly ?? null,
    keepMonthly: input.keep_monthly ?? null,
    keepYearly: input.keep_yearly ?? null,
    globArchives: input.glob_archives ?? null,
    compactAfter: input.compact_after ?? false,
  };
}
