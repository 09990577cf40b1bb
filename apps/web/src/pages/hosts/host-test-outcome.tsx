import { useId } from 'react';
import { errorMessage } from '../../api/errors';
import { HostTestResult } from './host-connection';
import type { ListedTest } from './test-host-button';

/** The newest test started from the list: "Logging in to…" while it runs, then OK or each problem with its fix. */
export function HostTestOutcome({ test, onClose }: { test: ListedTest; onClose: () => void }) {
  const headingId = useId();
  return (
    <section className="panel host-test-outcome" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>Connection test of {test.host.name}</h2>
        {test.state !== 'testing' && (
          <button type="button" className="button button--small" onClick={onClose}>
            Close<span className="visually-hidden"> the test of {test.host.name}</span>
          </button>
        )}
      </div>
      {test.state === 'testing' ? (
        <p role="status" className="host-test-outcome__progress">
          Logging in to {test.host.name} and looking for borg and socat…
        </p>
      ) : test.state === 'done' ? (
        <HostTestResult result={test.result} />
      ) : (
        <p className="alert alert--error" role="alert">
          {errorMessage(test.error)}
        </p>
      )}
    </section>
  );
}
