import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCompactRepository } from '../../api/compact';
import { useRepositoryInfo, useTestRepository, type Repository } from '../../api/repositories';
import { RepositoryLoader } from '../../components/repositories/repository-loader';
import { actionErrorMessage } from '../../forms/form-errors';
import { BreakLockDialog } from './break-lock-dialog';
import { DeleteRepositoryDialog } from './delete-repository-dialog';
import { BackupCalendarPanel } from './history/backup-calendar-panel';
import { StorageHistoryPanel } from './history/storage-history-panel';
import { RepositoryExpectationPanel } from './repository-expectation-panel';
import { RepositoryInfoPanel } from './repository-info-panel';
import { RepositoryKeyPanel } from './repository-key-panel';
import { RepositorySummary } from './repository-summary';
import { SshBadge } from './ssh-badge';
import { TestResultPanel } from './test-result-panel';
import './repositories.css';
import { useDocumentTitle } from '../../util/use-document-title';
import { useRoleAtLeast } from '../../api/roles';

export function RepositoryDetailsPage() {
  return <RepositoryLoader>{(repository) => <RepositoryDetails repository={repository} />}</RepositoryLoader>;
}

type OpenDialog = 'delete' | 'break-lock' | null;

/** One repository: what Borgitory knows of it, and what can be done with it. */
function RepositoryDetails({ repository }: { repository: Repository }) {
  const navigate = useNavigate();
  const test = useTestRepository(repository.id);
  const info = useRepositoryInfo(repository.id);
  const compact = useCompactRepository(repository.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [lockBroken, setLockBroken] = useState(false);
  const operator = useRoleAtLeast('operator');
  const admin = useRoleAtLeast('admin');

  useDocumentTitle(repository.name);
  return (
    <>
      <p className="back-link">
        <Link to="/repositories">← Repositories</Link>
      </p>
      <h1>{repository.name}</h1>
      <p className="location repository-location">
        <code>{repository.path}</code>
        {repository.is_remote && <SshBadge />}
      </p>

      <div className="toolbar" role="group" aria-label="Repository actions">
        {operator && (
          <Link to={`/backups?repository_id=${repository.id}`} className="button button--primary">
            Back up now
          </Link>
        )}
        <Link to={`/repositories/${repository.id}/archives`} className={operator ? 'button' : 'button button--primary'}>
          Archives
        </Link>
        {operator && (
          <button type="button" className="button" onClick={() => test.mutate()} disabled={test.isPending}>
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
        )}
        <button type="button" className="button" onClick={() => info.mutate()} disabled={info.isPending}>
          {info.isPending ? 'Reading info…' : 'Refresh info'}
        </button>
        {operator && (
          <button
            type="button"
            className="button"
            onClick={() => compact.mutate(undefined, { onSuccess: (job) => navigate(`/jobs/${job.id}`) })}
            disabled={compact.isPending}
            title="borg compact: gives back the space of deleted archives"
          >
            {compact.isPending ? 'Starting compact…' : 'Compact now'}
          </button>
        )}
        {admin && (
          <>
            <Link to={`/repositories/${repository.id}/edit`} className="button">
              Edit
            </Link>
            <span className="toolbar__spacer" />
            <button
              type="button"
              className="button"
              onClick={() => {
                setLockBroken(false);
                setDialog('break-lock');
              }}
            >
              Break lock
            </button>
            <button type="button" className="button button--danger-outline" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </>
        )}
      </div>

      {compact.isError && (
        <p className="alert alert--error page-alert" role="alert">
          Compact could not start: {actionErrorMessage(compact.error)}
        </p>
      )}
      {lockBroken && (
        <p className="alert alert--success page-alert" role="status">
          The lock was removed. borg can use the repository again.
        </p>
      )}
      <TestResultPanel test={test} />
      <RepositoryInfoPanel info={info} />
      <RepositoryExpectationPanel repository={repository} />
      <RepositorySummary repository={repository} />
      <StorageHistoryPanel repositoryId={repository.id} />
      <BackupCalendarPanel repositoryId={repository.id} />
      {admin && repository.encryption !== 'none' && <RepositoryKeyPanel repository={repository} />}

      <BreakLockDialog
        repository={repository}
        open={dialog === 'break-lock'}
        onClose={() => setDialog(null)}
        onBroken={() => {
          setDialog(null);
          setLockBroken(true);
        }}
      />
      <DeleteRepositoryDialog
        repository={repository}
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        onDeleted={() => navigate('/repositories', { replace: true })}
      />
    </>
  );
}
