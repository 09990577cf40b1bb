import { Injectable } from '@nestjs/common';
import { BorgRunner, type BorgConnection } from '@borgitory/borg-runner';
import { forwardBorgEvent } from '../jobs/engine/forward-borg-event';
import { RestoreParametersDto, RestoreResultDto } from '../jobs/contract/restore-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { ArchivePath } from './archive-path';
import { existingRestoreTargets, restoreTargets } from './restore-targets';
import { HostDirectories } from '../hosts/host-directories';
import { HostsService } from '../hosts/hosts.service';
import { PullMode } from '../hosts/pull/pull-mode';
import { ServerFiles } from '../platform/files/server-files';

/** `borg extract` into a server directory, checking again that nothing would be overwritten unless allowed. */
@Injectable()
export class RestoreExecutor implements JobExecutor<'restore'> {
  readonly type = 'restore' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly files: ServerFiles,
    private readonly hosts: HostsService,
    private readonly hostDirectories: HostDirectories,
    private readonly pullMode: PullMode,
  ) {}

  async run(context: JobContext<RestoreParametersDto>): Promise<JobOutcome<RestoreResultDto>> {
    const { parameters } = context;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'A restore needs a repository');
    const paths = parameters.paths.map((path) => ArchivePath.fromEscaped(path));
    const host = parameters.host_id === undefined ? null : await this.hosts.find(parameters.host_id);
    if (!parameters.overwrite) {
      const selected = paths.length ? paths : [ArchivePath.root];
      const existing = host
        ? await this.hostDirectories.existing(
            host,
            restoreTargets(parameters.destination, selected, parameters.strip_components).map(String),
          )
        : await existingRestoreTargets(this.files, parameters.destination, selected, parameters.strip_components);
      if (existing.length) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${existing.length} target(s) already exist, e.g. ${existing[0].toString()}; restore with overwrite to replace them`,
        );
      }
    }
    const shown = parameters.paths.length ? parameters.paths.map((path) => `/${path}`).join(', ') : 'everything';
    const where = host ? `${parameters.destination} on host ${host.name} (pull mode)` : parameters.destination;
    context.log('info', `Restoring ${shown} from ${parameters.archive_name} into ${where}`);
    const extract = (connection: BorgConnection) =>
      this.borg.extractToDirectory(connection, parameters.archive_name, parameters.destination, {
        paths: parameters.paths,
        stripComponents: parameters.strip_components || undefined,
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardBorgEvent(event, context),
      });
    const log = (message: string) => context.log('warning', message);
    const outcome = await this.repositoryBorg.run(repositoryId, (repository) =>
      host ? this.pullMode.run(host, repository, extract, log) : extract(repository),
    );
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: { archive_name: parameters.archive_name, destination: parameters.destination, path_count: parameters.paths.length },
    };
  }
}
