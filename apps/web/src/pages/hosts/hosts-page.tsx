import { useState } from 'react';
import { Link } from 'react-router-dom';
import { HOST_PAGE_SIZE, useHosts, type Host } from '../../api/hosts';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { RequiresRole } from '../../components/requires-role';
import { HOSTS_PATH, NEW_HOST_PATH } from '../../paths/page-paths';
import { useOffsetParam } from '../../util/offset-param';
import { DeleteHostDialog } from './delete-host-dialog';
import { HostTable } from './host-table';
import { HostTestOutcome } from './host-test-outcome';
import type { ListedTest } from './test-host-button';
import './hosts.css';

/**
 * The hosts, 50 to a page (`?offset=` keeps the page in the address), with Test for an operator (its outcome above the
 * list, its reachability in the list once done), Add host, Edit and Delete for an admin.
 */
export function HostsPage() {
  const [offset, goTo] = useOffsetParam();
  const hosts = useHosts(offset);
  const [deleting, setDeleting] = useState<Host | null>(null);
  const [tested, setTested] = useState<ListedTest | null>(null);
  // The newest test started is shown; an earlier one that ends meanwhile only updates its row's reachability.
  const showTest = (test: ListedTest) => setTested((shown) => (test.state === 'testing' || shown?.host.id === test.host.id ? test : shown));

  return (
    <>
      <PageHeader title="Hosts" intro="Other machines Borgitory backs up, logging in to them over ssh.">
        <RequiresRole atLeast="admin">
          <Link to={NEW_HOST_PATH} className="button button--primary">
            Add host
          </Link>
        </RequiresRole>
      </PageHeader>

      {tested && <HostTestOutcome test={tested} onClose={() => setTested(null)} />}

      <PagedList
        query={hosts}
        loading="Loading hosts…"
        empty={
          <EmptyState title="No hosts yet" actionPath={NEW_HOST_PATH} actionLabel="Add a host" actionRole="admin">
            A host is another machine to back up: a NAS, a server, a laptop. Borgitory logs in to it over ssh with its own key and runs borg
            there, which writes into a repository Borgitory holds; the host gets no key or password to the repository.
          </EmptyState>
        }
        noun="hosts"
        firstPagePath={HOSTS_PATH}
        label="Hosts"
        offset={offset}
        pageSize={HOST_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) => <HostTable hosts={items} onDelete={setDeleting} onTest={showTest} />}
      </PagedList>

      <DeleteHostDialog host={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
