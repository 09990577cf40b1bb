import type { UseMutationResult } from '@tanstack/react-query';
import type { VerifyResult } from '../../api/cloud-sync';
import { formatCountOf } from '../../format/count';
import { actionErrorMessage } from '../../forms/form-errors';

const PROBLEMS: Record<string, string> = {
  differs: 'differs',
  missing_on_remote: 'not copied there',
  missing_locally: 'only there',
  error: 'could not be compared',
};

interface VerifyResultPanelProps {
  /** The verify, by repository id. */
  verify: UseMutationResult<VerifyResult, Error, number>;
  repositoryName: (id: number) => string;
}

/** Whether the copy there matches the repository here: the counts of rclone check, and some of the files that differ. */
export function VerifyResultPanel({ verify, repositoryName }: VerifyResultPanelProps) {
  if (verify.isIdle) return null;
  const repository = repositoryName(verify.variables ?? 0);
  if (verify.isPending) {
    return (
      <p className="result" role="status">
        Comparing {repository} with its copy, file by file; this takes a while for a large repository…
      </p>
    );
  }
  if (verify.isError) {
    return (
      <p className="alert alert--error result" role="alert">
        {actionErrorMessage(verify.error)}
      </p>
    );
  }
  const result = verify.data;
  const comparedBy = result.compared_by === 'size' ? 'by size (the two sides share no hash)' : `by ${result.compared_by} hash`;
  return (
    <section className={`alert ${result.in_sync ? 'alert--success' : 'alert--warning'} result`} role="status" aria-label="Verify">
      <h3>{result.in_sync ? `The copy of ${repository} matches` : `The copy of ${repository} differs`}</h3>
      <p>
        {formatCountOf(result.matching, 'file')} of the copy at <code className="wrap">{result.remote_path}</code>{' '}
        {result.matching === 1 ? 'is' : 'are'} the same as here, compared {comparedBy}.
        {result.mode === 'copy' && ' Files only there are expected in copy mode and not counted.'}
      </p>
      {!result.in_sync && (
        <ul className="verify-counts">
          <li>
            {formatCountOf(result.differing, 'file')} {result.differing === 1 ? 'differs' : 'differ'}
          </li>
          <li>{formatCountOf(result.missing_on_remote, 'file')} not copied there</li>
          {result.mode === 'sync' && <li>{formatCountOf(result.missing_locally, 'file')} only there</li>}
          {result.errors > 0 && <li>{formatCountOf(result.errors, 'file')} could not be compared</li>}
        </ul>
      )}
      {result.examples.length > 0 && (
        <ul className="verify-examples" aria-label="Files that differ">
          {result.examples.map((example) => (
            <li key={`${example.problem}:${example.path}`}>
              <code className="wrap">{example.path}</code> {PROBLEMS[example.problem] ?? example.problem}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
