import type { Schemas } from '@borgitory/api-client';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Job } from '../../api/jobs';
import { CodeList } from '../../components/code-list';
import { Fact, Facts } from '../../components/facts';
import { checkDescription, checkSelectionOfCheck } from '../../components/policies/check-scopes';
import { displayPath } from '../../format/archive-path';
import { archiveHref } from '../../paths/browse-location';
import { cloudSyncEditPath } from '../../paths/page-paths';
import { PruneRulesWords } from './prune-rules-words';

/**
 * What the job was asked to do: for a backup its sources, archive name,
 * compression and excludes; for a restore what and where; for a prune or a
 * check the policy it ran with, in words; for a cloud sync its configuration.
 */
export function JobParameters({ job }: { job: Job }) {
  const facts = parameterFacts(job);
  if (!facts) return null;
  return (
    <section className="panel" aria-labelledby="parameters-heading">
      <div className="panel__header">
        <h2 id="parameters-heading">Parameters</h2>
      </div>
      {facts}
    </section>
  );
}

function parameterFacts(job: Job): ReactNode {
  switch (job.type) {
    case 'backup':
      return <BackupFacts parameters={job.parameters} />;
    case 'restore':
      return <RestoreFacts parameters={job.parameters} repositoryId={job.repository_id} />;
    case 'prune':
      return <PruneFacts parameters={job.parameters} />;
    case 'check':
      return <CheckFacts parameters={job.parameters} />;
    case 'cloud_sync':
      return (
        <Facts>
          <Fact term="Configuration">
            <Link to={cloudSyncEditPath(job.parameters.cloud_sync_config_id)}>{job.parameters.config_name}</Link>
          </Fact>
        </Facts>
      );
    case 'delete_archive':
      return (
        <Facts>
          {job.parameters.archive_names ? (
            <Fact term={`Archives (${job.parameters.archive_names.length})`}>
              <code className="wrap">{job.parameters.archive_names.join(' ')}</code>
            </Fact>
          ) : (
            <Fact term="Archive">
              <code className="wrap">{job.parameters.archive_name}</code>
            </Fact>
          )}
        </Facts>
      );
    case 'compact':
      return null;
  }
}

function BackupFacts({ parameters }: { parameters: Schemas['BackupParametersDto'] }) {
  const options = [parameters.dry_run && 'Dry run', parameters.one_file_system && 'Stay on one file system'].filter(Boolean);
  return (
    <Facts>
      <Fact term={parameters.source_paths.length === 1 ? 'Source' : 'Sources'}>
        <CodeList items={parameters.source_paths} />
      </Fact>
      <Fact term="Archive name">
        <code className="wrap">{parameters.archive_name}</code>
      </Fact>
      <Fact term="Compression">
        <code>{parameters.compression}</code>
      </Fact>
      <Fact term="Excludes">{parameters.exclude_patterns.length > 0 ? <CodeList items={parameters.exclude_patterns} /> : 'none'}</Fact>
      <Fact term="Options">{options.length > 0 ? options.join(', ') : 'none'}</Fact>
      {parameters.comment && <Fact term="Comment">{parameters.comment}</Fact>}
    </Facts>
  );
}

function PruneFacts({ parameters }: { parameters: Schemas['PruneParametersDto'] }) {
  return (
    <Facts>
      <Fact term="Pruning policy">{parameters.policy_name}</Fact>
      <Fact term="Rules">
        <PruneRulesWords parameters={parameters} />
      </Fact>
      <Fact term="Dry run">{parameters.dry_run ? 'Yes: nothing is deleted' : 'No'}</Fact>
    </Facts>
  );
}

function CheckFacts({ parameters }: { parameters: Schemas['CheckParametersDto'] }) {
  return (
    <Facts>
      <Fact term="Check policy">{parameters.policy_name ?? 'None: the repository and every archive'}</Fact>
      <Fact term="Checks">{checkDescription(checkSelectionOfCheck(parameters.options))}</Fact>
      {parameters.repair && <Fact term="Repair">Yes: borg check --repair</Fact>}
    </Facts>
  );
}

function RestoreFacts({ parameters, repositoryId }: { parameters: Schemas['RestoreParametersDto']; repositoryId: number | null }) {
  const options = [
    parameters.strip_components > 0
      ? `Leading ${parameters.strip_components === 1 ? 'folder' : `${parameters.strip_components} folders`} of each path dropped`
      : 'Full paths kept',
    parameters.overwrite && 'Existing files overwritten',
  ].filter(Boolean);
  return (
    <Facts>
      <Fact term="Archive">
        {repositoryId === null ? (
          <code className="wrap">{parameters.archive_name}</code>
        ) : (
          <Link to={archiveHref(repositoryId, parameters.archive_name)}>
            <code className="wrap">{parameters.archive_name}</code>
          </Link>
        )}
      </Fact>
      <Fact term={parameters.paths.length === 1 ? 'Path' : 'Paths'}>
        {parameters.paths.length > 0 ? <CodeList items={parameters.paths.map((path) => displayPath(`/${path}`))} /> : 'The whole archive'}
      </Fact>
      <Fact term="Destination">
        <code className="wrap">{parameters.destination}</code>
      </Fact>
      <Fact term="Options">{options.join(', ')}</Fact>
    </Facts>
  );
}
