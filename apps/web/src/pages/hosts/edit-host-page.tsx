import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useHost, useUpdateHost, type Host } from '../../api/hosts';
import { ItemLoader } from '../../components/item-loader';
import { NeedsRolePage } from '../../components/needs-role';
import { PageHeader } from '../../components/page-header';
import { HOSTS_PATH } from '../../paths/page-paths';
import { DeleteHostDialog } from './delete-host-dialog';
import { HostForm } from './host-form';
import { hostChanges, hostFormValues } from './host-form-values';
import { HostConnection } from './host-connection';
import { HostLoginSteps } from './host-login-steps';
import './hosts.css';

export function EditHostPage() {
  return (
    <NeedsRolePage atLeast="admin" title="Edit host" action="Changing a host" back={{ to: HOSTS_PATH, label: 'the hosts' }}>
      <ItemLoader kind="host" listPath={HOSTS_PATH} useItem={useHost}>
        {(host) => <EditHost host={host} />}
      </ItemLoader>
    </NeedsRolePage>
  );
}

/** Test connection and Install the key, the host's form, Delete (asked first), and the login steps again, folded, for a host that moved or was reinstalled. */
function EditHost({ host }: { host: Host }) {
  const update = useUpdateHost(host.id);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <p className="back-link">
        <Link to={HOSTS_PATH}>← Hosts</Link>
      </p>
      <PageHeader
        title={`Edit ${host.name}`}
        intro={
          host.host_key_fingerprint ? (
            <>
              Borgitory knows its host key: <code className="wrap">{host.host_key_fingerprint}</code>.
            </>
          ) : (
            'Borgitory has not seen its host key yet.'
          )
        }
      >
        <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)}>
          Delete
        </button>
      </PageHeader>
      <HostConnection host={host} />
      <details className="host-login-disclosure">
        <summary>Let Borgitory log in: the key line and the commands for the host</summary>
        <HostLoginSteps />
      </details>
      <HostForm
        initial={hostFormValues(host)}
        save={update}
        request={(values) => hostChanges(host, values)}
        submitLabel="Save changes"
        onSaved={() => navigate(HOSTS_PATH)}
        cancelPath={HOSTS_PATH}
        saved={host}
      />
      <DeleteHostDialog
        host={deleting ? host : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate(HOSTS_PATH, { replace: true })}
      />
    </>
  );
}
