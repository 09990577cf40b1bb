import { useId } from 'react';
import { useSchedulePreview } from '../../../api/schedules';
import { actionErrorMessage } from '../../../forms/form-errors';
import { RunTime } from './run-time';

interface CronPreviewProps {
  cronExpression: string;
  timezone: string;
}

/** The schedule in words and its next five runs on the zone's clock, as the server works them out; or why it cannot run. */
export function CronPreview({ cronExpression, timezone }: CronPreviewProps) {
  const id = useId();
  const preview = useSchedulePreview(cronExpression, timezone);
  return (
    <section className="cron-preview" aria-labelledby={id}>
      <h2 id={id} className="cron-preview__title">
        Next runs
      </h2>
      {cronExpression.trim() === '' ? (
        <p className="muted">Choose when to run, or type a cron expression, to see the next runs.</p>
      ) : preview.isPending ? (
        <p className="muted" role="status">
          Working out the next runs…
        </p>
      ) : preview.isError ? (
        <p className="cron-preview__error" role="status">
          This schedule cannot run: {actionErrorMessage(preview.error)}
        </p>
      ) : (
        <>
          <p role="status">
            <strong>{preview.data.description}</strong>, in {preview.data.timezone}:
          </p>
          <ol className="run-times">
            {preview.data.next_runs.map((run) => (
              <li key={run}>
                <RunTime value={run} timeZone={preview.data.timezone} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
