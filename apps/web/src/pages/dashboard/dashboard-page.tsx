import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useHealth, type Health } from '../../api/health';
import { useLiveJobLists } from '../../api/job-streams';
import { useRepositoryNames } from '../../api/repositories';
import { PageHeader } from '../../components/page-header';
import { HostsOverview } from './hosts-overview';
import { RecentJobsPanel } from './recent-jobs-panel';
import { RepositoryOverview } from './repository-overview';
import { RunningJobsPanel } from './running-jobs-panel';
import './dashboard-page.css';
import { RequiresRole } from '../../components/requires-role';

export function DashboardPage() {
  const health = useHealth();
  const repositoryName = useRepositoryNames();
  useLiveJobLists();

  return (
    <>
      <PageHeader title="Dashboard" intro="Are your backups healthy? Every repository, worst first.">
        <RequiresRole atLeast="operator">
          <Link to="/backups" className="button button--primary">
            Back up now
          </Link>
        </RequiresRole>
      </PageHeader>

      <RepositoryOverview />
      <HostsOverview />
      <RunningJobsPanel repositoryName={repositoryName} />
      <RecentJobsPanel repositoryName={repositoryName} />

      <section className="panel" aria-labelledby="health-heading">
        <div className="panel__header">
          <h2 id="health-heading">Server health</h2>
          <button type="button" className="button" onClick={() => void health.refetch()} disabled={health.isFetching}>
            {health.isFetching ? 'Checking…' : 'Check again'}
          </button>
        </div>
        {health.isPending ? (
          <p role="status">Checking the server…</p>
        ) : health.isError ? (
          <p className="alert alert--error" role="alert">
            {errorMessage(health.error)}
          </p>
        ) : (
          <HealthReport health={health.data} />
        )}
      </section>

      <p className="page-footnote">
        API documentation: <a href="/docs">Swagger UI</a> · <a href="/redoc">ReDoc</a> · <Link to="/graphql">GraphQL explorer</Link>
      </p>
    </>
  );
}

function HealthReport({ health }: { health: Health }) {
  return (
    <dl className="health">
      <div className="health__row">
        <dt>Status</dt>
        <dd>
          <StatusBadge ok={health.status === 'ok'} okText="Healthy" failText="Unhealthy" />
        </dd>
      </div>
      <div className="health__row">
        <dt>API version</dt>
        <dd>{health.version}</dd>
      </div>
      <div className="health__row">
        <dt>Database</dt>
        <dd>
          <StatusBadge ok={health.database.ok} okText="OK" failText="Unavailable" />
          {health.database.error && <span className="health__detail">{health.database.error}</span>}
        </dd>
      </div>
      <ToolRow name="Borg" check={health.borg} failure="borg could not be run" />
      <ToolRow name="rclone" check={health.rclone} failure="rclone could not be run: cloud sync needs it" />
      <ToolRow name="Apprise" check={health.apprise} failure="apprise could not be run: notifications other than webhooks need it" />
    </dl>
  );
}

function ToolRow({ name, check, failure }: { name: string; check: Health['borg']; failure: string }) {
  return (
    <div className="health__row">
      <dt>{name}</dt>
      <dd>
        <StatusBadge ok={check.ok} okText="OK" failText="Unavailable" />
        <span className="health__detail">{check.ok ? `version ${check.version ?? 'unknown'}` : (check.error ?? failure)}</span>
      </dd>
    </div>
  );
}

function StatusBadge({ ok, okText, failText }: { ok: boolean; okText: string; failText: string }) {
  return <span className={`badge ${ok ? 'badge--ok' : 'badge--error'}`}>{ok ? okText : failText}</span>;
}
