import { Link, useNavigate } from 'react-router-dom';
import { useCloudSyncConfig, useUpdateCloudSyncConfig, type CloudSyncConfig } from '../../api/cloud-sync';
import { ItemLoader } from '../../components/item-loader';
import { CLOUD_SYNC_PATH } from '../../paths/page-paths';
import { CloudSyncForm } from './cloud-sync-form';
import { cloudSyncFormValues } from './cloud-sync-form-values';
import { useDocumentTitle } from '../../util/use-document-title';
import './cloud-sync.css';
import { NeedsRolePage } from '../../components/needs-role';

export function EditCloudSyncPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="Edit cloud sync configuration"
      action="Changing a cloud sync configuration"
      back={{ to: CLOUD_SYNC_PATH, label: 'Cloud Sync' }}
    >
      <ItemLoader kind="cloud sync configuration" listPath={CLOUD_SYNC_PATH} useItem={useCloudSyncConfig}>
        {(config) => <EditCloudSync config={config} />}
      </ItemLoader>
    </NeedsRolePage>
  );
}

function EditCloudSync({ config }: { config: CloudSyncConfig }) {
  const update = useUpdateCloudSyncConfig(config.id);
  const navigate = useNavigate();
  useDocumentTitle(`Edit ${config.name}`);
  return (
    <>
      <p className="back-link">
        <Link to={CLOUD_SYNC_PATH}>← Cloud Sync</Link>
      </p>
      <h1>Edit {config.name}</h1>
      <p className="page-intro">Secrets are never shown again: leave them empty to keep them. Syncs already queued use the new settings.</p>
      <CloudSyncForm
        initial={cloudSyncFormValues(config)}
        save={update}
        submitLabel="Save changes"
        onSaved={() => navigate(CLOUD_SYNC_PATH)}
        cancelPath={CLOUD_SYNC_PATH}
        saved={config}
      />
    </>
  );
}
