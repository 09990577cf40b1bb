import { Inject, Injectable } from '@nestjs/common';
import { RcloneError, RcloneEvent, RcloneRunner } from '@borgitory/rclone-runner';
import { CloudSyncParametersDto, CloudSyncResultDto } from '../jobs/contract/cloud-sync-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoriesService } from '../repositories/repositories.service';
import { CloudRemotes } from './cloud-remotes';
import { CloudSyncConfigsService } from './cloud-sync-configs.service';
import { joinPath } from './providers/provider';
import { rcloneErrorCode, repositoryFolder } from './rclone-failure';
import { StallWatchdog } from './stall-watchdog';

/**
 * `rclone sync` or `copy` of a repository's directory to its folder on the remote. It runs in the repository's job
 * queue, after a backup or prune has finished, so borg never writes meanwhile; a sync that makes no progress for
 * BORGITORY_STALL_TIMEOUT_SECONDS is stopped, so a remote that hangs cannot hold the queue. The configuration
 * remembers how its last sync ended.
 */
@Injectable()
export class CloudSyncExecutor implements JobExecutor<'cloud_sync'> {
  readonly type = 'cloud_sync' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    private readonly rclone: RcloneRunner,
    private readonly remotes: CloudRemotes,
    private readonly configs: CloudSyncConfigsService,
    private readonly repositories: RepositoriesService,
  ) {}

  async run(context: JobContext<CloudSyncParametersDto>): Promise<JobOutcome<CloudSyncResultDto>> {
    const { parameters } = context;
    if (context.repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'A cloud sync needs a repository');
    let status: 'completed' | 'warning' | 'failed' = 'failed';
    try {
      const outcome = await this.sync(context, parameters, context.repositoryId);
      status = outcome.status;
      return outcome;
    } finally {
      await this.configs.recordSync(parameters.cloud_sync_config_id, context.jobId, context.signal.aborted ? 'cancelled' : status);
    }
  }

  private async sync(
    context: JobContext<CloudSyncParametersDto>,
    parameters: CloudSyncParametersDto,
    repositoryId: number,
  ): Promise<JobOutcome<CloudSyncResultDto>> {
    const repository = await this.repositories.get(repositoryId);
    if (repository.is_remote)
      throw new DomainError(
        ErrorCode.VALIDATION_ERROR,
        `Repository "${repository.name}" is on another machine; only local repositories can be copied off-site`,
      );
    const folder = repositoryFolder(repository);
    const { config, target, basePath, display, hostKeyLearned } = await this.remotes.resolve(parameters.cloud_sync_config_id, folder);
    if (hostKeyLearned)
      context.log(
        'warning',
        `First connection: stored the server's host key (${hostKeyLearned
          .split('\n')
          .map((key) => key.split(' ')[0])
          .join(', ')}); any other key will be refused`,
      );
    const limit = config.bandwidthLimit ? `, at most ${config.bandwidthLimit}B/s` : '';
    context.log(
      'info',
      `rclone ${config.mode} ${repository.path} → ${display} (${config.mode === 'copy' ? 'nothing is deleted on the remote' : 'a mirror: what is gone here is deleted there'}${limit})`,
    );
    // borg never rewrites a segment, so a copy that would overwrite one means local damage (or ransomware): what the
    // remote holds goes aside first. Repository folders are slugs, so ".replaced" is never one of them.
    const keepReplacedIn =
      config.mode === 'copy' ? joinPath(basePath, '.replaced', folder, new Date().toISOString().replace(/:/g, '-')) : undefined;
    if (keepReplacedIn)
      context.log('info', `Nothing on the remote is overwritten: a file it holds in another version is moved to ${keepReplacedIn}`);
    const started = Date.now();
    const watchdog = new StallWatchdog(this.appConfig.stallTimeoutSeconds, context.signal);
    try {
      const result = await this.rclone.transfer(repository.path, target, {
        mode: config.mode,
        bandwidthLimit: config.bandwidthLimit ?? undefined,
        keepReplacedIn,
        signal: watchdog.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => {
          watchdog.observe(event);
          forward(event, context);
        },
      });
      const progress = result.progress;
      return {
        status: result.warnings.length > 0 ? 'warning' : 'completed',
        warnings: result.warnings,
        result: {
          config_name: config.name,
          provider: config.provider,
          mode: config.mode,
          remote_path: display,
          bytes_transferred: progress?.bytes ?? 0,
          files_transferred: progress?.transfers ?? 0,
          files_checked: progress?.checks ?? 0,
          files_deleted: progress?.deletes ?? 0,
          duration_seconds: Math.round((Date.now() - started) / 100) / 10,
        },
      };
    } catch (error) {
      if (watchdog.stalled) throw new DomainError(ErrorCode.CLOUD_SYNC_STALLED, watchdog.message('sync'));
      if (error instanceof RcloneError) throw new DomainError(rcloneErrorCode(error), error.message);
      throw error;
    } finally {
      watchdog.stop();
    }
  }
}

/** rclone's stats become the job's progress (bytes of total bytes); its log lines go to the job log. */
function forward(event: RcloneEvent, context: JobContext): void {
  if (event.type === 'progress') {
    const { progress } = event;
    context.progress({
      current: progress.bytes,
      total: progress.totalBytes,
      files: progress.transfers,
      rate_bytes_per_second: Math.round(progress.speed),
      message: `${progress.transfers} of ${progress.totalTransfers} files${progress.eta !== null ? `, about ${Math.round(progress.eta)} s left` : ''}`,
    });
    return;
  }
  const level =
    event.level === 'error' || event.level === 'critical'
      ? 'error'
      : event.level === 'warning' || event.level === 'notice'
        ? 'warning'
        : 'info';
  context.log(level, event.object ? `${event.object}: ${event.message}` : event.message);
}
