import { Injectable } from '@nestjs/common';
import { HookResultDto, HookStepParametersDto } from '../../jobs/contract/hook-step';
import { EarlierStep, JobContext, JobExecutor, JobOutcome } from '../../jobs/engine/job-executor';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoriesService } from '../../repositories/repositories.service';
import { buildHookEnvironment, RunFacts } from './hook-environment';
import { HookExit, HookProcesses } from './hook-processes';
import { hookLabel } from './hook-step';

/**
 * Runs one pre- or post-hook of a scheduled run. Its output goes to the job's log. A hook that fails (exit code not
 * 0, killed, timed out, not found) fails the step when it is critical and is a warning otherwise.
 */
@Injectable()
export class HookExecutor implements JobExecutor<'hook'> {
  readonly type = 'hook' as const;

  constructor(
    private readonly processes: HookProcesses,
    private readonly repositories: RepositoriesService,
  ) {}

  async run(context: JobContext<HookStepParametersDto>): Promise<JobOutcome<HookResultDto>> {
    const hook = context.parameters;
    const label = hookLabel(hook);
    context.log('info', `${label}: ${describeCommand(hook)}`);
    const env = buildHookEnvironment(hook.env, await this.facts(context, hook));
    const started = Date.now();
    const exit = await this.processes.run(
      { command: hook.command, shell: hook.shell, env, timeoutMs: hook.timeout_seconds * 1000 },
      {
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onLine: (stream, line) => context.log(stream === 'stdout' ? 'info' : 'warning', line),
      },
    );
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (exit.outcome === 'exited' && exit.code === 0) {
      return { status: 'completed', result: { exit_code: 0, duration_seconds: seconds }, warnings: [] };
    }
    if (exit.outcome === 'cancelled') throw new DomainError(ErrorCode.HOOK_FAILED, `${label} was stopped`);
    const problem = `${label} ${failureText(exit, hook.timeout_seconds)}`;
    if (hook.critical) throw new DomainError(ErrorCode.HOOK_FAILED, problem);
    context.log('warning', `${problem}; it is not critical, so the run goes on`);
    return {
      status: 'warning',
      result: { exit_code: exit.outcome === 'exited' ? exit.code : null, duration_seconds: seconds },
      warnings: [problem],
    };
  }

  /** BORGITORY_* variables: which run this is and, for post-hooks, how it went. Never a secret. */
  private async facts(context: JobContext<HookStepParametersDto>, hook: HookStepParametersDto): Promise<RunFacts> {
    const repository = context.repositoryId === null ? null : await this.repositories.get(context.repositoryId).catch(() => null);
    const backup = context.earlierSteps.find((step) => step.type === 'backup');
    const archive = backup?.result && 'archive_name' in backup.result ? backup.result.archive_name : null;
    return {
      JOB_ID: context.jobId,
      SCHEDULE_ID: hook.schedule_id,
      SCHEDULE_NAME: hook.schedule_name,
      REPOSITORY_ID: context.repositoryId,
      REPOSITORY_NAME: repository?.name,
      REPOSITORY_PATH: repository?.path,
      HOOK_NAME: hook.name,
      HOOK_PHASE: hook.phase,
      ARCHIVE_NAME: archive,
      STATUS: hook.phase === 'pre' ? 'running' : runStatus(context.earlierSteps),
      ERROR: context.earlierSteps.find((step) => step.status === 'failed')?.errorMessage,
    };
  }
}

/** How the run has gone so far, as a post-hook sees it. */
function runStatus(steps: readonly EarlierStep[]): string {
  for (const status of ['failed', 'cancelled', 'interrupted'] as const) if (steps.some((step) => step.status === status)) return status;
  return steps.some((step) => step.status === 'warning') ? 'warning' : 'completed';
}

function failureText(exit: Exclude<HookExit, { outcome: 'cancelled' }>, timeoutSeconds: number): string {
  switch (exit.outcome) {
    case 'exited':
      return `failed: exit code ${exit.code}`;
    case 'killed':
      return `was killed by ${exit.signal}`;
    case 'timed_out':
      return `timed out after ${timeoutSeconds} s and was stopped`;
    case 'not_started':
      return `could not be started (${exit.reason === 'ENOENT' ? 'command not found' : exit.reason})`;
  }
}

/** The command as a user would type it; values of env are not repeated here. */
function describeCommand(hook: HookStepParametersDto): string {
  if (hook.shell) return `sh -c ${JSON.stringify(hook.command[0])}`;
  return hook.command.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word))).join(' ');
}
