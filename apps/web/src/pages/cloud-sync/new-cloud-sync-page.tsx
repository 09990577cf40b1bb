import { Link, useNavigate } from 'react-router-dom';
import { useCreateCloudSyncConfig } from '../../api/cloud-sync';
import { CLOUD_SYNC_PATH } from '../../paths/page-paths';
import { CloudSyncForm } from './cloud-sync-form';
import { newCloudSyncValues } from './cloud-sync-form-values';
import { useDocumentTitle } from '../../util/use-document-title';
import './cloud-sync.css';
import { NeedsRolePage } from '../../components/needs-role';

export function NewCloudSyncPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="New cloud sync configuration"
      action="Creating a cloud sync configuration"
      back={{ to: CLOUD_SYNC_PATH, label: 'Cloud Sync' }}
    >
      <NewCloudSync />
    </NeedsRolePage>
  );
}

function NewCloudSync() {
  const create = useCreateCloudSyncConfig();
  const navigate = useNavigate();
  useDocumentTitle('New cloud sync configuration');
  return (
    <>
      <p className="back-link">
        <Link to={CLOUD_SYNC_PATH}>← Cloud Sync</Link>
      </p>
      <h1>New cloud sync configuration</h1>
      <p className="page-intro">A place off this server to copy repositories to: a bucket, another server, a share or a disk.</p>
      <CloudSyncForm
        initial={newCloudSyncValues()}
        save={create}
        submitLabel="Create configuration"
        onSaved={() => navigate(CLOUD_SYNC_PATH)}
        cancelPath={CLOUD_SYNC_PATH}
      />
    </>
  );
}
