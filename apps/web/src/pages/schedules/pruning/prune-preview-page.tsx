import { ApiRequestError } from '@borgitory/api-client';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { usePrunePreview, usePruningPolicy, type PruningPolicy } from '../../../api/pruning-policies';
import { useRepositoryNames } from '../../../api/repositories';
import { ItemLoader } from '../../../components/item-loader';
import { keepRulesSummary } from '../../../components/policies/keep-rules';
import { RepositorySelectField } from '../../../components/repositories/repository-select-field';
import { actionErrorMessage } from '../../../forms/form-errors';
import { PRUNING_POLICIES_PATH } from '../../../paths/page-paths';
import { PruneNowDialog } from './prune-now-dialog';
import { PrunePreviewResults } from './prune-preview-results';
import '../policies.css';
import { useDocumentTitle } from '../../../util/use-document-title';
import { NeedsRolePage } from '../../../components/needs-role';

export function PrunePreviewPage() {
  return (
    <NeedsRolePage
      atLeast="operator"
      title="Preview"
      action="Previewing a pruning policy"
      back={{ to: PRUNING_POLICIES_PATH, label: 'the pruning policies' }}
    >
      <ItemLoader kind="pruning policy" listPath={PRUNING_POLICIES_PATH} useItem={usePruningPolicy}>
        {(policy) => <PrunePreview policy={policy} />}
      </ItemLoader>
    </NeedsRolePage>
  );
}

/**
 * What the policy would keep and prune in a repository, by borg prune
 * --dry-run --list. The repository is kept in the address (`?repository_id=`).
 */
function PrunePreview({ policy }: { policy: PruningPolicy }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const repositoryId = parseId(searchParams.get('repository_id'));
  const [choice, setChoice] = useState(repositoryId === null ? '' : String(repositoryId));
  const [missing, setMissing] = useState(false);
  const [pruning, setPruning] = useState(false);
  const preview = usePrunePreview(policy.id, repositoryId);
  const repositoryName = useRepositoryNames();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(choice === '');
    if (choice === '') return;
    if (Number(choice) === repositoryId) void preview.refetch();
    else setSearchParams({ repository_id: choice });
  }

  useDocumentTitle(`Preview ${policy.name}`);
  return (
    <>
      <p className="back-link">
        <Link to={PRUNING_POLICIES_PATH}>← Pruning policies</Link>
      </p>
      <h1>Preview {policy.name}</h1>
      <p className="page-intro">
        Keeps {keepRulesSummary(policy)}
        {policy.glob_archives ? (
          <>
            {' '}
            of the archives matching <code className="wrap">{policy.glob_archives}</code>
          </>
        ) : (
          ' of every archive'
        )}
        . The preview runs <code>borg prune --dry-run --list</code>: nothing is deleted.
      </p>

      <form className="panel preview-form" onSubmit={submit} noValidate aria-label="Repository to preview">
        <RepositorySelectField
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setMissing(false);
          }}
          errors={missing ? ['Choose the repository to preview the policy on.'] : undefined}
        />
        <button type="submit" className="button button--primary" disabled={preview.isFetching}>
          {preview.isFetching ? 'Previewing…' : 'Preview'}
        </button>
      </form>

      {repositoryId !== null &&
        (preview.isFetching ? (
          <p className="panel" role="status">
            borg is going through the archives of {repositoryName(repositoryId)}…
          </p>
        ) : preview.isError ? (
          <div className="alert alert--error page-alert" role="alert">
            <p>{actionErrorMessage(preview.error)}</p>
            {preview.error instanceof ApiRequestError && preview.error.code === 'REPOSITORY_BUSY' && (
              <p>
                <Link to={`/jobs?repository_id=${repositoryId}`}>See the repository&rsquo;s jobs</Link>, and preview again once they have
                finished.
              </p>
            )}
          </div>
        ) : preview.data ? (
          <PrunePreviewResults
            preview={preview.data}
            repositoryId={repositoryId}
            repositoryName={repositoryName(repositoryId)}
            globArchives={policy.glob_archives}
            onPrune={() => setPruning(true)}
          />
        ) : null)}

      <PruneNowDialog
        policy={pruning ? policy : null}
        repositoryId={repositoryId === null ? '' : String(repositoryId)}
        offerPreview={false}
        onClose={() => setPruning(false)}
      />
    </>
  );
}

function parseId(value: string | null): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
