import { Link, useNavigate } from 'react-router-dom';
import { useCreateHost } from '../../api/hosts';
import { NeedsRolePage } from '../../components/needs-role';
import { HOSTS_PATH } from '../../paths/page-paths';
import { useDocumentTitle } from '../../util/use-document-title';
import { HostForm } from './host-form';
import { hostInput, NEW_HOST_VALUES } from './host-form-values';
import { HostLoginSteps } from './host-login-steps';
import './hosts.css';

export function NewHostPage() {
  return (
    <NeedsRolePage atLeast="admin" title="Add a host" action="Adding a host" back={{ to: HOSTS_PATH, label: 'the hosts' }}>
      <NewHost />
    </NeedsRolePage>
  );
}

/** The steps that let Borgitory log in to the host, then the host's form; back to the list once it is saved. */
function NewHost() {
  const create = useCreateHost();
  const navigate = useNavigate();
  useDocumentTitle('Add a host');
  return (
    <>
      <p className="back-link">
        <Link to={HOSTS_PATH}>← Hosts</Link>
      </p>
      <h1>Add a host</h1>
      <p className="page-intro">Another machine for Borgitory to back up: it logs in over ssh and runs borg there.</p>
      <HostLoginSteps />
      <HostForm
        initial={NEW_HOST_VALUES}
        save={create}
        request={hostInput}
        submitLabel="Save host"
        onSaved={() => navigate(HOSTS_PATH)}
        cancelPath={HOSTS_PATH}
      />
    </>
  );
}
