import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { ArchiveCatalog } from '../../archives/archive-catalog';
import { AFTER_BORG_PHASES, FIRST_PHASE, forwardPhasedBorgEvent } from '../../jobs/engine/borg-phase';
import { PruneParametersDto, PruneResultDto } from '../../jobs/contract/prune-job';
import { JobContext, JobExecutor, JobOutcome } from '../../jobs/engine/job-executor';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';
import { borgPruneRules, describePrune } from './prune-rules';

/** `borg prune --list` by the rules the job was given; then the stored archive list is read again. */
@Injectable()
export class PruneExecutor implements JobExecutor<'prune'> {
  readonly type = 'prune' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly catalog: ArchiveCatalog,
  ) {}

  async run(context: JobContext<PruneParametersDto>): Promise<JobOutcome<PruneResultDto>> {
    const { parameters } = context;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'Pruning needs a repository');
    context.log('info', `Pruning policy "${parameters.policy_name}"`);
    context.log('info', describePrune(parameters.rules, parameters.dry_run));
    context.progress({ phase: FIRST_PHASE.prune });
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.prune(connection, {
        ...borgPruneRules(parameters.rules),
        dryRun: parameters.dry_run,
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardPhasedBorgEvent('prune', event, context),
      }),
    );
    if (!parameters.dry_run) {
      context.progress({ phase: AFTER_BORG_PHASES.archiveList });
      await this.catalog.refresh(repositoryId);
      context.progress({ phase: AFTER_BORG_PHASES.figures });
      await this.repositoryBorg.refreshStats(repositoryId);
    }
    const { kept, pruned, rules } = outcome.result;
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: { dry_run: parameters.dry_run, kept: kept.map((name) => ({ name, rule: rules[name] })), pruned },
    };
  }
}
