import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { AFTER_BORG_PHASES, FIRST_PHASE, forwardPhasedBorgEvent } from '../../jobs/engine/borg-phase';
import { CompactParametersDto } from '../../jobs/contract/compact-job';
import { JobContext, JobExecutor, JobOutcome } from '../../jobs/engine/job-executor';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';

/** `borg compact`: gives back the space of deleted archives. Progress is borg's percentage. */
@Injectable()
export class CompactExecutor implements JobExecutor<'compact'> {
  readonly type = 'compact' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
  ) {}

  async run(context: JobContext<CompactParametersDto>): Promise<JobOutcome<null>> {
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'Compacting needs a repository');
    context.log('info', 'Running: borg compact REPOSITORY');
    context.progress({ phase: FIRST_PHASE.compact });
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.compact(connection, {
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardPhasedBorgEvent('compact', event, context),
      }),
    );
    context.progress({ phase: AFTER_BORG_PHASES.figures });
    await this.repositoryBorg.refreshStats(repositoryId);
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: null,
    };
  }
}
