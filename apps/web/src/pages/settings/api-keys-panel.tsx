import { useState } from 'react';
import { API_KEY_PAGE_SIZE, useApiKeys, useRevokeApiKey, type ApiKey } from '../../api/api-keys';
import { errorMessage } from '../../api/errors';
import type { Role } from '../../api/users';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PagedList } from '../../components/paged-list';
import { RelativeTime } from '../../components/relative-time';
import { SETTINGS_PATH } from '../../paths/page-paths';
import { isExpired, scopeLabel } from './api-key-values';
import { CreateApiKeyForm } from './create-api-key-form';

/** The signed-in user's API keys, for scripts: each with its scope, expiry and last use, and Revoke; then a form to make one. */
export function ApiKeysPanel({ role }: { role: Role }) {
  const [offset, setOffset] = useState(0);
  const keys = useApiKeys(offset);
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const now = new Date();

  function closeDialog() {
    revoke.reset();
    setRevoking(null);
  }

  return (
    <>
      <section className="panel" aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading" className="settings-heading">
          API keys
        </h2>
        <p className="panel__text muted">
          Keys let scripts use the API as you, sent as <code>Authorization: Bearer &lt;key&gt;</code>. A key does no more than its scope,
          nor more than your role.
        </p>
        <PagedList
          query={keys}
          loading="Loading your API keys…"
          empty={<p className="panel__text api-keys-empty">You have no API keys.</p>}
          noun="API keys"
          firstPagePath={SETTINGS_PATH}
          label="API keys"
          offset={offset}
          pageSize={API_KEY_PAGE_SIZE}
          onOffsetChange={setOffset}
        >
          {(items) => (
            <div className="table-scroll api-keys-table">
              <table className="data-table data-table--stacked">
                <caption className="visually-hidden">API keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key</th>
                    <th scope="col">Scope</th>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((key) => (
                    <tr key={key.id}>
                      <th scope="row" className="wrap">
                        {key.name}
                      </th>
                      <td data-label="Key" className="nowrap">
                        <code>{key.prefix}…</code>
                      </td>
                      <td data-label="Scope">{scopeLabel(key.scope)}</td>
                      <td data-label="Created" className="nowrap">
                        <RelativeTime value={key.created_at} />
                      </td>
                      <td data-label="Expires">
                        {isExpired(key, now) ? (
                          <>
                            <span className="badge badge--error">Expired</span> <RelativeTime value={key.expires_at} />
                          </>
                        ) : (
                          <RelativeTime value={key.expires_at} fallback="never" />
                        )}
                      </td>
                      <td data-label="Last used">
                        <RelativeTime value={key.last_used_at} fallback="never" />
                        {key.last_used_from && (
                          <>
                            {' '}
                            <span className="api-keys-table__from">from {key.last_used_from}</span>
                          </>
                        )}
                      </td>
                      <td className="api-keys-table__actions">
                        <button
                          type="button"
                          className="button button--small button--danger-outline"
                          onClick={() => setRevoking(key)}
                          aria-label={`Revoke ${key.name}`}
                        >
                          Revoke
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
      </section>
      <CreateApiKeyForm role={role} />

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        danger
        busy={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: closeDialog });
        }}
        onCancel={closeDialog}
      >
        {revoking && (
          <p>
            Scripts using <strong>{revoking.name}</strong> (<code>{revoking.prefix}…</code>) are refused from their next request on. This
            cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
