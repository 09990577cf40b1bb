import { ApiRequestError } from '@borgitory/api-client';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useJobStream } from '../../api/job-streams';
import { isJobActive } from '@borgitory/job-states';
import { jobLogTextUrl, useJob, useJobLog, type Job } from '../../api/jobs';
import { useRepositoryNames } from '../../api/repositories';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { LogViewer } from '../../components/log-viewer';
import { RelativeTime } from '../../components/relative-time';
import { jobTypeLabel } from '../../format/job-labels';
import { JobActions } from './job-actions';
import { JobDetails } from './job-details';
import { JobNotFound } from './job-not-found';
import { JobParameters } from './job-parameters';
import { JobProgressPanel } from './job-progress-panel';
import { JobResultPanel } from './job-result-panel';
import { JobStepsPanel } from './job-steps-panel';
import { useJobId } from './use-job-id';
import { useLiveLog } from './use-live-log';
import './jobs.css';
import { useDocumentTitle } from '../../util/use-document-title';

/** One job: live while it runs (status, progress, log over SSE), its outcome and full log once it has finished. */
export function JobPage() {
  const id = useJobId();
  if (id === null) return <JobNotFound />;
  // Keyed by id: another job (a retry) starts with fresh page state and its own stream.
  return <LoadJob key={id} id={id} />;
}

function LoadJob({ id }: { id: number }) {
  const job = useJob(id);
  if (job.isPending) return <p role="status">Loading the job…</p>;
  // A failed background refetch keeps the job on screen; the live stream carries on regardless.
  if (job.data) return <JobView job={job.data} />;
  if (job.error instanceof ApiRequestError && job.error.status === 404) return <JobNotFound />;
  return (
    <>
      <p className="back-link">
        <Link to="/jobs">← Jobs</Link>
      </p>
      <p className="alert alert--error" role="alert">
        {errorMessage(job.error)}
      </p>
    </>
  );
}

function JobView({ job }: { job: Job }) {
  // Followed live if it was unfinished when the page opened, until the stream's `done`.
  const [live, setLive] = useState(() => isJobActive(job.status));
  const log = useJobLog(job.id);
  const { lines, append } = useLiveLog(log.data);
  useJobStream(job.id, live, { onLog: append, onDone: () => setLive(false) });
  const repositoryName = useRepositoryNames()(job.repository_id);
  const title = `${jobTypeLabel(job.type)} #${job.id}`;
  useDocumentTitle(job.repository_id !== null && repositoryName ? `${title} · ${repositoryName}` : title);

  return (
    <>
      <p className="back-link">
        <Link to="/jobs">← Jobs</Link>
      </p>
      <div className="page-header">
        <div className="job-heading">
          <h1>
            {title}
            {job.repository_id !== null && <span className="job-heading__repository"> · {repositoryName}</span>}
          </h1>
          <p className="job-heading__status">
            <JobStatusBadge status={job.status} />
            <span className="muted">
              {job.finished_at ? (
                <>
                  Finished <RelativeTime value={job.finished_at} />
                </>
              ) : job.started_at ? (
                <>
                  Started <RelativeTime value={job.started_at} />
                </>
              ) : (
                <>
                  Queued <RelativeTime value={job.created_at} />
                </>
              )}
            </span>
          </p>
        </div>
        <JobActions job={job} />
      </div>

      {isJobActive(job.status) ? <JobProgressPanel job={job} /> : <JobResultPanel job={job} />}
      {job.steps.length > 1 && <JobStepsPanel job={job} />}
      <JobDetails job={job} repositoryName={repositoryName} />
      <JobParameters job={job} />
      <LogViewer
        lines={lines}
        loading={log.isPending}
        error={log.isError ? errorMessage(log.error) : null}
        truncated={job.log_truncated || (log.data?.truncated ?? false)}
        downloadUrl={jobLogTextUrl(job.id)}
        downloadName={`borgitory-job-${job.id}.log`}
      />
    </>
  );
}
