import type { ReactNode } from 'react';
import type { BulkSummary } from './bulk-summary';

const SHOWN_FAILURES = 5;

interface BulkOutcomeProps {
  summary: BulkSummary | null;
  onDismiss: () => void;
  /** Anything more to say (a link to the job that carries on). */
  children?: ReactNode;
}

/** The outcome of the last bulk action: a success, or which items failed and why (the first few). */
export function BulkOutcome({ summary, onDismiss, children }: BulkOutcomeProps) {
  if (!summary) return null;
  const hidden = summary.failures.length - SHOWN_FAILURES;
  return (
    <div className={`alert page-alert bulk-outcome ${summary.allSucceeded ? 'alert--success' : 'alert--warning'}`} role="status">
      <p>
        <strong>{summary.headline}.</strong>
        {children}
      </p>
      {summary.failures.length > 0 && (
        <ul className="bulk-outcome__failures">
          {summary.failures.slice(0, SHOWN_FAILURES).map((message, index) => (
            <li key={index}>{message}</li>
          ))}
          {hidden > 0 && <li>and {hidden} more</li>}
        </ul>
      )}
      <button type="button" className="button button--small bulk-outcome__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
