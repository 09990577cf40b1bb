import type { Job, JobProgress } from '../../api/jobs';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount, formatCountOf } from '../../format/count';
import { formatDuration } from '../../format/duration';
import { stepLabel } from './step-label';

/**
 * A queued or running job's progress. A backup shows borg's running figures, and how far along it is by an
 * estimate when an earlier archive of the same sources tells its size, else a moving bar; prune, compact and
 * check say which step they are in, and how far where they count; a cloud sync shows bytes copied; a running hook
 * is named.
 */
export function JobProgressPanel({ job }: { job: Job }) {
  const progress = job.status === 'running' ? job.progress : null;
  const runningStep = job.steps.find((step) => step.status === 'running');
  return (
    <section className="panel job-progress" aria-labelledby="progress-heading">
      <div className="panel__header">
        <h2 id="progress-heading">Progress</h2>
      </div>
      {job.status === 'queued' ? (
        <>
          <IndeterminateBar label="Waiting to start" />
          <p className="job-progress__message" role="status">
            Waiting to start: the job runs once no other job is using the repository.
          </p>
        </>
      ) : runningStep?.type === 'hook' ? (
        // A hook reports no progress: what runs is said instead.
        <>
          <IndeterminateBar label="Progress" valueText={stepLabel(job, runningStep)} />
          <p className="job-progress__message">Running {stepLabel(job, runningStep)}…</p>
        </>
      ) : (
        <RunningProgress progress={progress} copying={(runningStep?.type ?? job.type) === 'cloud_sync'} />
      )}
    </section>
  );
}

/** `copying`: a cloud sync, whose progress counts the bytes rclone has copied. */
function RunningProgress({ progress, copying }: { progress: JobProgress | null; copying: boolean }) {
  const current = progress?.current;
  const total = progress?.total;
  const percent = progress?.percent;
  const estimated = progress?.estimated === true && percent !== undefined;
  const counted = !estimated && current !== undefined && total !== undefined && percent !== undefined;
  const files = progress?.files;
  // A backup's figures say more than borg's last message, which may be from before the files were read.
  const message = counted || copying || files === undefined ? progress?.message : undefined;
  return (
    <>
      {progress?.phase && (
        <p className="job-progress__phase" role="status">
          <span className="job-progress__phase-label">Step</span> {progress.phase}
        </p>
      )}
      {estimated ? (
        <EstimatedProgress percent={percent} etaSeconds={progress?.eta_seconds ?? null} />
      ) : counted ? (
        <div className="job-progress__counted">
          <progress className="progress-meter" value={current} max={total} aria-label="Progress" />
          <span className="job-progress__percent">{Math.floor(percent)} %</span>
        </div>
      ) : (
        <IndeterminateBar
          label="Progress"
          valueText={files !== undefined && !copying ? `${formatCountOf(files, 'file')} read` : undefined}
        />
      )}
      {message && <p className="job-progress__message">{message}</p>}
      {progress === null ? (
        <p className="job-progress__message">Starting {copying ? 'rclone' : 'borg'}…</p>
      ) : (
        <dl className="job-figures">
          {/* A copy's files are counted in its message ("3 of 12 files"). */}
          {files !== undefined && !copying && <Figure term="Files">{formatCount(files)}</Figure>}
          {progress.original_size !== undefined && <Figure term="Original size">{formatBytes(progress.original_size)}</Figure>}
          {progress.compressed_size !== undefined && <Figure term="Compressed">{formatBytes(progress.compressed_size)}</Figure>}
          {progress.deduplicated_size !== undefined && <Figure term="Deduplicated">{formatBytes(progress.deduplicated_size)}</Figure>}
          {copying && counted && <Figure term="Copied">{`${formatBytes(current)} of ${formatBytes(total)}`}</Figure>}
          {/* Steps that read no bytes (prune, compact, check) have no rate to show. */}
          {(copying || progress.original_size !== undefined) && (
            <Figure term="Rate">
              {/* rclone says 0 until it has measured its first second. */}
              {progress.rate_bytes_per_second === null || (copying && progress.rate_bytes_per_second === 0)
                ? '—'
                : `${formatBytes(progress.rate_bytes_per_second)}/s`}
            </Figure>
          )}
          <Figure term="Elapsed">{formatDuration(progress.elapsed_seconds)}</Figure>
        </dl>
      )}
      {progress?.current_path && (
        <p className="job-progress__path">
          <span className="job-progress__path-label">Current file</span>
          <code title={absolute(progress.current_path)}>{absolute(progress.current_path)}</code>
        </p>
      )}
    </>
  );
}

/**
 * A backup measured against the previous archive of the same sources: how far along it is and the time left, both
 * said to be estimates (the sources may have grown or shrunk since).
 */
function EstimatedProgress({ percent, etaSeconds }: { percent: number; etaSeconds: number | null }) {
  const left = etaSeconds === null ? 'Time left: not known yet' : `About ${formatDuration(etaSeconds)} left`;
  return (
    <>
      <div className="job-progress__counted">
        <progress
          className="progress-meter"
          value={percent}
          max={100}
          aria-label="Progress (estimate)"
          aria-valuetext={`About ${Math.floor(percent)} %, estimated. ${left}`}
        />
        <span className="job-progress__percent">~{Math.floor(percent)} %</span>
      </div>
      <p className="job-progress__estimate">
        {left}{' '}
        <span className="badge badge--neutral" title="Estimated from the previous archive of the same sources">
          estimate
        </span>
      </p>
    </>
  );
}

function Figure({ term, children }: { term: string; children: string }) {
  return (
    <div className="job-figures__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A bar that moves without saying how far along it is; `valueText` is what assistive technology reads instead. */
function IndeterminateBar({ label, valueText }: { label: string; valueText?: string }) {
  return (
    <div className="progress-indeterminate" role="progressbar" aria-label={label} aria-valuetext={valueText}>
      <span className="progress-indeterminate__fill" />
    </div>
  );
}

/** borg names archived paths without their leading slash; the sources are absolute, so it is put back. */
function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
