import type { Schemas } from '@borgitory/api-client';
import type { Job } from '../../api/jobs';
import { Fact, Facts } from '../../components/facts';
import { PruneLists } from '../../components/policies/prune-lists';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount, formatCountOf } from '../../format/count';
import { formatDuration } from '../../format/duration';
import { jobTypeLabel } from '../../format/job-labels';

/** How a finished job ended: what it made, its warnings, or why it failed. */
export function JobResultPanel({ job }: { job: Job }) {
  const backup = job.type === 'backup' ? job.result : null;
  const restore = job.type === 'restore' ? job.parameters : null;
  const prune = job.type === 'prune' ? job.result : null;
  const cloudSync = job.type === 'cloud_sync' ? job.result : null;
  const kind = jobTypeLabel(job.type);
  return (
    <section className="panel job-result" aria-labelledby="result-heading">
      <div className="panel__header">
        <h2 id="result-heading">Result</h2>
      </div>
      <Outcome job={job} kind={kind} hasArchive={backup !== null} />
      {backup && <BackupFigures result={backup} />}
      {prune && (
        <div className="job-result__figures">
          <p className="panel__text">
            {prune.dry_run ? 'borg would keep' : 'borg kept'} {formatCountOf(prune.kept.length, 'archive')} and{' '}
            {prune.dry_run ? 'prune' : 'pruned'} {prune.pruned.length}.
          </p>
          <PruneLists kept={prune.kept} pruned={prune.pruned} repositoryId={job.repository_id} prunedExist={prune.dry_run} />
        </div>
      )}
      {cloudSync && <CloudSyncFigures result={cloudSync} />}
      {restore && (job.status === 'completed' || job.status === 'warning') && (
        <p className="job-result__restored">
          Restored into <code className="wrap">{restore.destination}</code>.
        </p>
      )}
    </section>
  );
}

function Outcome({ job, kind, hasArchive }: { job: Job; kind: string; hasArchive: boolean }) {
  switch (job.status) {
    case 'completed':
      return (
        <p className="alert alert--success">
          {job.type === 'backup' && !hasArchive ? 'The dry run went through the files; no archive was written.' : `${kind} completed.`}
        </p>
      );
    case 'warning':
      return (
        <div className="alert alert--warning" role="status">
          <p>
            <strong>{kind} completed with warnings.</strong>
          </p>
          {job.warnings.length > 0 ? (
            <ul className="job-result__warnings">
              {job.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          ) : (
            <p>borg reported warnings; see the log.</p>
          )}
        </div>
      );
    case 'cancelled':
      return (
        <p className="alert job-result__cancelled">
          The job was cancelled{job.started_at ? ' before it finished' : ' before it started'}.
          {job.type === 'backup' && job.started_at ? ' No archive was completed.' : ''}
        </p>
      );
    case 'failed':
    case 'interrupted':
      return (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>{job.status === 'failed' ? `${kind} failed.` : `${kind} was interrupted.`}</strong>{' '}
            {job.error?.message ?? 'See the log for what happened.'}
          </p>
          {job.error && (
            <p className="job-result__code">
              Error code: <code>{job.error.code}</code>
            </p>
          )}
        </div>
      );
    default:
      return null;
  }
}

function BackupFigures({ result }: { result: Schemas['BackupResultDto'] }) {
  return (
    <div className="job-result__figures">
      <Facts>
        <Fact term="Archive">
          <code className="job-result__archive">{result.archive_name}</code>
        </Fact>
        <Fact term="Files">{formatCount(result.files)}</Fact>
        <Fact term="Original size">{formatBytes(result.original_size)}</Fact>
        <Fact term="Compressed size">{formatBytes(result.compressed_size)}</Fact>
        <Fact term="Deduplicated size">
          {formatBytes(result.deduplicated_size)} <span className="muted">(new data in the repository)</span>
        </Fact>
        <Fact term="Time in borg create">
          {formatDuration(result.duration_seconds)} <span className="muted">(borg’s own figure, without the steps around it)</span>
        </Fact>
      </Facts>
    </div>
  );
}

function CloudSyncFigures({ result }: { result: Schemas['CloudSyncResultDto'] }) {
  return (
    <div className="job-result__figures">
      <Facts>
        <Fact term="Copied to">
          <code className="wrap">{result.remote_path}</code>
        </Fact>
        <Fact term="Transferred">
          {formatCountOf(result.files_transferred, 'file')}, {formatBytes(result.bytes_transferred)}
        </Fact>
        <Fact term="Already there">{formatCountOf(result.files_checked, 'file')}</Fact>
        {result.mode === 'sync' && <Fact term="Deleted there">{formatCountOf(result.files_deleted, 'file')}</Fact>}
        <Fact term="Time in rclone">
          {formatDuration(result.duration_seconds)} <span className="muted">(rclone’s own figure, without the steps around it)</span>
        </Fact>
      </Facts>
    </div>
  );
}
