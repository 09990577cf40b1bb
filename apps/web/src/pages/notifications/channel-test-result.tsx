import type { UseMutationResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ChannelTestResult } from '../../api/notifications';
import { actionErrorMessage } from '../../forms/form-errors';
import { channelDeliveriesPath } from '../../paths/page-paths';

/** The outcome of Test: delivered, or why not (Apprise's reason, the receiver's HTTP status), with a link to the log. */
export function ChannelTestResultPanel({
  test,
  channelId,
}: {
  test: UseMutationResult<ChannelTestResult, Error, void>;
  channelId: number;
}) {
  if (test.isIdle) return null;
  if (test.isPending) {
    return (
      <p className="result" role="status">
        Sending a test message…
      </p>
    );
  }
  if (test.isError) {
    return (
      <p className="alert alert--error result" role="alert">
        {actionErrorMessage(test.error)}
      </p>
    );
  }
  const result = test.data;
  const status = result.http_status === null ? null : `HTTP ${result.http_status}`;
  return (
    <section
      className={`alert ${result.delivered ? 'alert--success' : 'alert--error'} result`}
      role={result.delivered ? 'status' : 'alert'}
      aria-label="Test result"
    >
      <h3>
        {result.delivered ? (
          <>
            <span aria-hidden="true">✓ </span>Test message delivered
          </>
        ) : (
          'The test message was not delivered'
        )}
      </h3>
      {result.delivered ? (
        <p>{status ? `The receiver answered ${status}.` : 'Apprise handed it to the service.'} Check that it arrived there.</p>
      ) : (
        <p>
          {result.reason ?? 'No reason was given.'}
          {status && !result.reason?.includes(status) && ` (${status})`}
        </p>
      )}
      <p>
        <Link to={channelDeliveriesPath(channelId)}>See it in the delivery log</Link>
      </p>
    </section>
  );
}
