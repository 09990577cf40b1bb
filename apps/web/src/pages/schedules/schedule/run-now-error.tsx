import { ApiRequestError } from '@borgitory/api-client';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors';

interface RunNowErrorProps {
  error: Error | null;
  onDismiss: () => void;
}

/** Why "Run now" was refused; while an earlier run is queued or running (409), a link to that run. */
export function RunNowError({ error, onDismiss }: RunNowErrorProps) {
  if (!error) return null;
  const running = error instanceof ApiRequestError && error.code === 'CONFLICT' ? error.details?.['job_id'] : undefined;
  const message = errorMessage(error);
  return (
    <div className="alert alert--error page-alert run-now-error" role="alert">
      <p>
        {/[.!?]$/.test(message) ? message : `${message}.`}
        {typeof running === 'number' && (
          <>
            {' '}
            <Link to={`/jobs/${running}`}>Follow job #{running}</Link> and run it again once it has finished.
          </>
        )}
      </p>
      <button type="button" className="button button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
