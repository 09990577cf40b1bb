import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCloudProviders, useCloudSyncConfigs, useDeleteCloudSyncConfig, type CloudSyncConfig } from '../../api/cloud-sync';
import { CLOUD_SYNC_PAGE_SIZE } from '../../api/cloud-sync-keys';
import { useLiveJobLists } from '../../api/job-streams';
import { useRepositoryNames } from '../../api/repositories';
import { DeleteDialog } from '../../components/delete-dialog';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { CLOUD_SYNC_PATH, NEW_CLOUD_SYNC_PATH } from '../../paths/page-paths';
import { useOffsetParam } from '../../util/offset-param';
import { CloudSyncConfigCard } from './cloud-sync-config-card';
import './cloud-sync.css';
import { RequiresRole } from '../../components/requires-role';

/** The cloud sync configurations, each with sync now, verify, test, edit and delete; last syncs are followed live. */
export function CloudSyncPage() {
  const [offset, goTo] = useOffsetParam();
  const configs = useCloudSyncConfigs(offset);
  const providers = useCloudProviders();
  const repositoryName = useRepositoryNames();
  const remove = useDeleteCloudSyncConfig();
  const [deleting, setDeleting] = useState<CloudSyncConfig | null>(null);
  useLiveJobLists();

  const providerLabel = (config: CloudSyncConfig) =>
    providers.data?.find((provider) => provider.name === config.provider)?.label ?? config.provider;

  return (
    <>
      <PageHeader title="Cloud Sync" intro="Off-site copies of the repositories on this server.">
        <RequiresRole atLeast="admin">
          <Link to={NEW_CLOUD_SYNC_PATH} className="button button--primary">
            New configuration
          </Link>
        </RequiresRole>
      </PageHeader>

      <PagedList
        query={configs}
        loading="Loading cloud sync configurations…"
        empty={
          <EmptyState
            title="No cloud sync configurations yet"
            actionPath={NEW_CLOUD_SYNC_PATH}
            actionLabel="Create a cloud sync configuration"
            actionRole="admin"
          >
            A copy of a repository somewhere else survives what this server may not: a dead disk, a fire, a theft. Say where to copy to,
            then sync repositories by hand or at the end of a schedule&rsquo;s runs.
          </EmptyState>
        }
        noun="configurations"
        firstPagePath={CLOUD_SYNC_PATH}
        label="Cloud sync configurations"
        offset={offset}
        pageSize={CLOUD_SYNC_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) =>
          items.map((config) => (
            <CloudSyncConfigCard
              key={config.id}
              config={config}
              providerLabel={providerLabel(config)}
              repositoryName={repositoryName}
              onDelete={setDeleting}
            />
          ))
        }
      </PagedList>

      <DeleteDialog
        item={deleting}
        title="Delete this cloud sync configuration?"
        confirmLabel="Delete configuration"
        remove={remove}
        onClose={() => setDeleting(null)}
      >
        {({ name }) => (
          <p>
            The configuration <strong>{name}</strong> will be deleted. The copies already made stay where they are; Borgitory just stops
            syncing to them. Schedules that sync with it must be changed first.
          </p>
        )}
      </DeleteDialog>
    </>
  );
}
