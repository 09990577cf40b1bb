import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { isJobActive, isJobRetryable } from '@borgitory/job-states';
import { useCancelJob, useRetryJob, type Job } from '../../api/jobs';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { jobTypeLabel } from '../../format/job-labels';
import { useRoleAtLeast } from '../../api/roles';

/** Cancel (while queued or running, after a confirmation) and Retry (after a failure, cancel or interruption), for an operator. */
export function JobActions({ job }: { job: Job }) {
  const navigate = useNavigate();
  const cancel = useCancelJob(job.id);
  const retry = useRetryJob(job.id);
  const [confirming, setConfirming] = useState(false);
  const kind = jobTypeLabel(job.type).toLowerCase();
  const operator = useRoleAtLeast('operator');
  if (!operator) return null;

  return (
    <div className="job-actions">
      <div className="toolbar" role="group" aria-label="Job actions">
        {isJobActive(job.status) && (
          <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
            Cancel
          </button>
        )}
        {isJobRetryable(job.status) && (
          <button
            type="button"
            className="button button--primary"
            disabled={retry.isPending}
            onClick={() => retry.mutate(undefined, { onSuccess: (next) => navigate(`/jobs/${next.id}`) })}
          >
            {retry.isPending ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </div>
      {retry.isError && (
        <p className="alert alert--error" role="alert">
          {errorMessage(retry.error)}
        </p>
      )}

      <ConfirmDialog
        open={confirming}
        title={`Cancel this ${kind}?`}
        confirmLabel={`Cancel ${kind}`}
        busyLabel="Cancelling…"
        dismissLabel="Keep running"
        danger
        busy={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => {
          cancel.reset();
          setConfirming(false);
        }}
      >
        {job.status === 'queued' ? (
          <p>The job has not started yet; it is taken out of the queue and never runs.</p>
        ) : (
          <p>
            borg is stopped{job.type === 'backup' ? ' and the archive is not completed' : ''}. You can run the job again later with Retry.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
