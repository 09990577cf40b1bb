import { backupParameters, type BackupParameters } from '../../api/backup-job';
import type { Job } from '../../api/jobs';
import { Fact, Facts } from '../../components/facts';

/** What the job was asked to do: for a backup its sources, archive name, compression and excludes. */
export function JobParameters({ job }: { job: Job }) {
  const backup = backupParameters(job);
  const entries = Object.entries(job.parameters);
  if (!backup && entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="parameters-heading">
      <div className="panel__header">
        <h2 id="parameters-heading">Parameters</h2>
      </div>
      {backup ? (
        <BackupFacts parameters={backup} />
      ) : (
        <Facts>
          {entries.map(([name, value]) => (
            <Fact key={name} term={name}>
              <code className="wrap">{typeof value === 'string' ? value : JSON.stringify(value)}</code>
            </Fact>
          ))}
        </Facts>
      )}
    </section>
  );
}

function BackupFacts({ parameters }: { parameters: BackupParameters }) {
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
      <Fact term="Excludes">
        {parameters.exclude_patterns.length > 0 ? <CodeList items={parameters.exclude_patterns} /> : 'none'}
      </Fact>
      <Fact term="Options">{options.length > 0 ? options.join(', ') : 'none'}</Fact>
      {parameters.comment && <Fact term="Comment">{parameters.comment}</Fact>}
    </Facts>
  );
}

function CodeList({ items }: { items: string[] }) {
  return (
    <ul className="code-list">
      {items.map((item) => (
        <li key={item}>
          <code className="wrap">{item}</code>
        </li>
      ))}
    </ul>
  );
}
