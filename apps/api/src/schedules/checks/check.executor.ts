import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { FIRST_PHASE, forwardPhasedBorgEvent } from '../../jobs/engine/borg-phase';
import { CheckParametersDto, CheckResultDto } from '../../jobs/contract/check-job';
import { JobContext, JobExecutor, JobOutcome } from '../../jobs/engine/job-executor';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';
import { borgCheckScope, describeCheck } from './check-options';

/**
 * `borg check` with the options the job was given. borg reports what it found as ERROR lines and exits 1: a
 * check that found problems fails, naming them, so that nobody mistakes it for a clean bill of health.
 */
@Injectable()
export class CheckExecutor implements JobExecutor<'check'> {
  readonly type = 'check' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
  ) {}

  async run(context: JobContext<CheckParametersDto>): Promise<JobOutcome<CheckResultDto>> {
    const { parameters } = context;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'A check needs a repository');
    if (parameters.policy_name) context.log('info', `Check policy "${parameters.policy_name}"`);
    context.log('info', describeCheck(parameters.options, parameters.repair));
    context.progress({ phase: FIRST_PHASE.check });
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.check(connection, {
        ...borgCheckScope(parameters.options),
        repair: parameters.repair,
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardPhasedBorgEvent('check', event, context),
      }),
    );
    const problems = outcome.warnings.filter((warning) => warning.level === 'ERROR' || warning.level === 'CRITICAL');
    if (problems.length && !parameters.repair) {
      const shown = problems
        .slice(0, 3)
        .map((problem) => problem.message)
        .join('; ');
      throw new DomainError(ErrorCode.BORG_ERROR, `borg check found ${problems.length} problem(s): ${shown}`);
    }
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: { repaired: parameters.repair, problems: problems.length },
    };
  }
}
