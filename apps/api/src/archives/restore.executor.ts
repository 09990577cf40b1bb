import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { forwardBorgEvent } from '../jobs/engine/forward-borg-event';
import { RestoreParametersDto, RestoreResultDto } from '../jobs/contract/restore-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { ArchivePath } from './archive-path';
import { existingRestoreTargets } from './restore-targets';
import { ServerFiles } from '../platform/files/server-files';

/** `borg extract` into a server directory, checking again that nothing would be overwritten unless allowed. */
@Injectable()
export class RestoreExecutor implements JobExecutor<'restore'> {
  readonly type = 'restore' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly files: ServerFiles,
  ) {}

  async run(context: JobContext<RestoreParametersDto>): Promise<JobOutcome<RestoreResultDto>> {
    const { parameters } = context;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'A restore needs a repository');
    const paths = parameters.paths.map((path) => ArchivePath.fromEscaped(path));
    if (!parameters.overwrite) {
      const existing = await existingRestoreTargets(
        this.files,
        parameters.destination,
        paths.length ? paths : [ArchivePath.root],
        parameters.strip_components,
      );
      if (existing.length) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${existing.length} target(s) already exist, e.g. ${existing[0].toString()}; restore with overwrite to replace them`,
        );
      }
    }
    const shown = parameters.paths.length ? parameters.paths.map((path) => `/${path}`).join(', ') : 'everything';
    context.log('info', `Restoring ${shown} from ${parameters.archive_name} into ${parameters.destination}`);
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.extractToDirectory(connection, parameters.archive_name, parameters.destination, {
        paths: parameters.paths,
        stripComponents: parameters.strip_components || undefined,
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardBorgEvent(event, context),
      }),
    );
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: { archive_name: parameters.archive_name, destination: parameters.destination, path_count: parameters.paths.length },
    };
  }
}
