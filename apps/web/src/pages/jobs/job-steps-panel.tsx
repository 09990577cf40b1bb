import { stepParameters, type Job, type JobStep } from '../../api/jobs';
import { HookCommand } from '../../components/hook-command';
import { JobDuration } from '../../components/jobs/job-duration';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { checkDescription, checkSelectionOfCheck } from '../../components/policies/check-scopes';
import { PruneLists } from '../../components/policies/prune-lists';
import { formatCountOf } from '../../format/count';
import { PruneRulesWords } from './prune-rules-words';
import { stepLabel } from './step-label';

/**
 * The steps of a job that has several (a scheduled run: hooks, backup, prune,
 * compact, check), in order: what each does, how it went and how long it took.
 * The job's status events keep it live.
 */
export function JobStepsPanel({ job }: { job: Job }) {
  return (
    <section className="panel" aria-labelledby="steps-heading">
      <div className="panel__header">
        <h2 id="steps-heading">Steps</h2>
      </div>
      <ol className="step-list">
        {job.steps.map((step) => (
          <StepItem key={step.position} job={job} step={step} />
        ))}
      </ol>
    </section>
  );
}

function StepItem({ job, step }: { job: Job; step: JobStep }) {
  const hook = step.type === 'hook' ? step.parameters : null;
  // A prune job's own rules and result are in its Parameters and Result panels already.
  const pruneStep = step.type === 'prune' && job.type !== 'prune' ? step : null;
  const prune = pruneStep && stepParameters(job, pruneStep);
  const pruned = pruneStep?.result;
  const check = step.type === 'check' ? stepParameters(job, step) : null;
  const exitCode = step.type === 'hook' ? step.result?.exit_code : null;
  return (
    <li className="step-list__item">
      <div className="step-list__header">
        <span className="step-list__label">{stepLabel(job, step)}</span>
        {step.run_on_failure && <span className="badge badge--neutral">runs on failure</span>}
        <span className="step-list__status">
          <JobStatusBadge status={step.status} />
          <span className="step-list__duration">
            <span className="visually-hidden">Duration: </span>
            <JobDuration job={step} />
          </span>
        </span>
      </div>
      {hook && <HookCommand command={hook.command} shell={hook.shell} className="step-list__detail" />}
      {prune && (
        <p className="step-list__detail">
          <PruneRulesWords parameters={prune} />
        </p>
      )}
      {check && <p className="step-list__detail">{checkDescription(checkSelectionOfCheck(check.options))}</p>}
      {step.error ? (
        <p className="step-list__error">{step.error.message}</p>
      ) : (
        typeof exitCode === 'number' &&
        exitCode !== 0 && <p className="step-list__warning">Ended with exit code {exitCode}; the run went on.</p>
      )}
      {pruned && (
        <details className="step-list__more">
          <summary>{pruneSummary(pruned.kept.length, pruned.pruned.length, pruned.dry_run)}</summary>
          <PruneLists kept={pruned.kept} pruned={pruned.pruned} repositoryId={job.repository_id} prunedExist={pruned.dry_run} />
        </details>
      )}
    </li>
  );
}

function pruneSummary(kept: number, pruned: number, dryRun: boolean): string {
  return `Kept ${formatCountOf(kept, 'archive')}, ${dryRun ? 'would prune' : 'pruned'} ${pruned}`;
}
