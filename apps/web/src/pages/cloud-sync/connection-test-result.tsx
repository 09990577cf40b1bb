import type { UseMutationResult } from '@tanstack/react-query';
import type { ConnectionTest } from '../../api/cloud-sync';
import { errorMessage } from '../../api/errors';
import { LearnedHostKey } from './learned-host-key';

const STEP_LABELS: Record<string, string> = {
  write: 'Write',
  read: 'Read back',
  delete: 'Delete',
  list: 'List',
};

/** The outcome of "Test connection": the steps rclone got through, why it stopped, and a host key learned on the way. */
export function ConnectionTestResult({ test }: { test: UseMutationResult<ConnectionTest, Error, void> }) {
  if (test.isIdle) return null;
  if (test.isPending) {
    return (
      <p className="result" role="status">
        Testing the connection: rclone writes a small file there, reads it back, deletes it and lists the folder…
      </p>
    );
  }
  if (test.isError) {
    return (
      <p className="alert alert--error result" role="alert">
        {errorMessage(test.error)}
      </p>
    );
  }
  const result = test.data;
  return (
    <>
      <section
        className={`alert ${result.ok ? 'alert--success' : 'alert--error'} result`}
        role={result.ok ? 'status' : 'alert'}
        aria-label="Connection test"
      >
        <h3>{result.ok ? 'Connection OK' : 'Connection failed'}</h3>
        {result.ok ? (
          <p>rclone wrote a test file there, read it back, deleted it and listed the folder.</p>
        ) : (
          <p>{result.error?.message ?? 'rclone could not reach the storage.'}</p>
        )}
        {result.steps.length > 0 && (
          <ol className="test-steps" aria-label="Steps">
            {result.steps.map((step) => (
              <li key={step.step} className={step.ok ? 'test-steps__ok' : 'test-steps__failed'}>
                {STEP_LABELS[step.step] ?? step.step}: {step.ok ? 'OK' : 'failed'}{' '}
                <span className="test-steps__time">({step.duration_ms} ms)</span>
              </li>
            ))}
          </ol>
        )}
        {result.error && (
          <p className="result__code">
            Error code: <code>{result.error.code}</code>
          </p>
        )}
      </section>
      {result.host_key_learned && <LearnedHostKey hostKey={result.host_key_learned} />}
    </>
  );
}
