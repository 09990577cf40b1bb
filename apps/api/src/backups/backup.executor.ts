import { Injectable } from '@nestjs/common';
import { BorgRunner, type BorgConnection } from '@borgitory/borg-runner';
import { ArchiveCatalog } from '../archives/archive-catalog';
import { NewArchiveIndexing } from '../archives/index/new-archive-indexing';
import { forwardBorgEvent } from '../jobs/engine/forward-borg-event';
import { BackupParametersDto, BackupResultDto } from '../jobs/contract/backup-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { RepositoryStatistics } from '../repositories/borg/repository-statistics';
import { ErrorCode } from '../platform/errors/error-code';
import { backupSourcesKey, estimateProgress } from './backup-estimate';
import { SourcePaths } from './source-paths';
import { HostDirectories } from '../hosts/host-directories';
import { HostsService } from '../hosts/hosts.service';
import { PullMode } from '../hosts/pull/pull-mode';

/**
 * Runs `borg create` for a backup job: progress to the job, borg's log to the job log, stats as the result. The job
 * is complete when borg is: the archive and the repository's figures come from create's own `--json` output.
 */
@Injectable()
export class BackupExecutor implements JobExecutor<'backup'> {
  readonly type = 'backup' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly catalog: ArchiveCatalog,
    private readonly indexing: NewArchiveIndexing,
    private readonly statistics: RepositoryStatistics,
    private readonly sources: SourcePaths,
    private readonly hosts: HostsService,
    private readonly hostDirectories: HostDirectories,
    private readonly pullMode: PullMode,
  ) {}

  async run(context: JobContext<BackupParametersDto>): Promise<JobOutcome<BackupResultDto>> {
    const { parameters } = context;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'A backup needs a repository');
    // borg backs up what is there and only warns about a missing source; an empty archive that a prune then counts
    // as a backup could push the real ones out, so a source that is gone (an unmounted disk) fails the backup.
    const host = parameters.host_id === undefined ? null : await this.hosts.find(parameters.host_id);
    const missing = host
      ? await this.hostDirectories.problems(host, parameters.source_paths)
      : await this.sources.problems(parameters.source_paths);
    if (missing.length > 0) throw new DomainError(ErrorCode.SOURCE_UNAVAILABLE, `Nothing was backed up: ${missing.join('; ')}`);
    context.log('info', describeCommand(parameters, host?.name ?? null));
    // A host's folders are not this server's, even under the same paths.
    const sources = `${host ? `host ${host.id}:` : ''}${backupSourcesKey(parameters.source_paths, parameters.exclude_patterns)}`;
    const estimate = await this.estimateFor(repositoryId, sources, context);

    const borg = this.borg;
    const log = (message: string) => context.log('warning', message);
    const outcome = await this.repositoryBorg.run(repositoryId, (repository) =>
      host ? this.pullMode.run(host, repository, (connection) => create(connection), log) : create(repository),
    );
    async function create(connection: BorgConnection) {
      return borg.create(connection, {
        archive: parameters.archive_name,
        paths: parameters.source_paths,
        compression: parameters.compression,
        excludePatterns: parameters.exclude_patterns,
        comment: parameters.comment ?? undefined,
        dryRun: parameters.dry_run,
        oneFileSystem: parameters.one_file_system,
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => {
          forwardBorgEvent(event, context);
          if (event.type === 'archive_progress' && !event.finished) estimate?.(event.nfiles, event.originalSize);
        },
      });
    }

    const archive = outcome.result?.archive;
    if (outcome.result) {
      await this.catalog.recordCreated(
        repositoryId,
        outcome.result.archive,
        parameters.comment ?? null,
        parameters.dry_run ? null : sources,
      );
      await this.statistics.recordBackup(repositoryId, outcome.result);
      if (!parameters.dry_run) this.indexing.schedule(repositoryId, outcome.result.archive.name);
    }
    const warnings = outcome.exitCode === 1 ? outcome.warnings.map((warning) => warning.message) : [];
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings,
      result: archive
        ? {
            archive_name: archive.name,
            archive_id: archive.id,
            files: archive.stats.nfiles,
            original_size: archive.stats.originalSize,
            compressed_size: archive.stats.compressedSize,
            deduplicated_size: archive.stats.deduplicatedSize,
            duration_seconds: archive.duration,
          }
        : null,
    };
  }

  /**
   * With a previous archive of the same sources, a function that adds the estimate to the progress (percent,
   * eta_seconds, estimated) from borg's running figures; null without one, and the progress has no end.
   */
  private async estimateFor(
    repositoryId: number,
    sources: string,
    context: JobContext<BackupParametersDto>,
  ): Promise<((files: number, originalSize: number) => void) | null> {
    const basis = await this.catalog.newestOfSources(repositoryId, sources);
    if (!basis) return null;
    const startedAt = Date.now();
    return (files, originalSize) => {
      const estimate = estimateProgress(basis, { files, originalSize, elapsedSeconds: (Date.now() - startedAt) / 1000 });
      if (estimate) context.progress({ ...estimate, estimated: true });
    };
  }
}

/** The borg command as a user would type it; it never holds a secret (those travel in the environment). */
function describeCommand(parameters: BackupParametersDto, host: string | null): string {
  const words = ['borg', 'create', '--compression', parameters.compression];
  for (const pattern of parameters.exclude_patterns) words.push('--exclude', pattern);
  if (parameters.one_file_system) words.push('--one-file-system');
  if (parameters.dry_run) words.push('--dry-run');
  words.push(`REPOSITORY::${parameters.archive_name}`, ...parameters.source_paths);
  const command = words.map((word) => (/[\s'"]/.test(word) ? JSON.stringify(word) : word)).join(' ');
  return host === null ? `Running: ${command}` : `Running on host ${host} (pull mode, borg serve here): ${command}`;
}
