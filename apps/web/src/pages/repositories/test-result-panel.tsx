import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import type { RepositoryTestResult } from '../../api/repositories';
import { RelativeTime } from '../../components/relative-time';

interface TestResultPanelProps {
  test: UseMutationResult<RepositoryTestResult, Error, void>;
}

/** The outcome of "Test connection": whether borg could open the repository, and if not, why. */
export function TestResultPanel({ test }: TestResultPanelProps) {
  if (test.isIdle) return null;
  if (test.isPending) {
    return (
      <p className="result" role="status">
        Testing the connection: borg is opening the repository…
      </p>
    );
  }
  if (test.isError) {
    return (
      <p className="alert alert--error page-alert" role="alert">
        {errorMessage(test.error)}
      </p>
    );
  }
  const result = test.data;
  if (result.ok) {
    return (
      <section className="alert alert--success result" role="status" aria-labelledby="test-result-heading">
        <h2 id="test-result-heading">Connection OK</h2>
        <p>
          Borgitory opened the repository
          {result.encryption && <> ({result.encryption})</>}: {result.archives_count ?? 0}{' '}
          {result.archives_count === 1 ? 'archive' : 'archives'}, last modified{' '}
          <RelativeTime value={result.last_modified} fallback="at an unknown time" />.
        </p>
      </section>
    );
  }
  return (
    <section className="alert alert--error result" role="alert" aria-labelledby="test-result-heading">
      <h2 id="test-result-heading">Connection failed</h2>
      <p>{result.error?.message ?? 'borg could not open the repository.'}</p>
      {result.error && (
        <p className="result__code">
          Error code: <code>{result.error.code}</code>
        </p>
      )}
    </section>
  );
}
