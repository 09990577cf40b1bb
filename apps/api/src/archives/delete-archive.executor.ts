import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { forwardBorgEvent } from '../jobs/engine/forward-borg-event';
import { DeleteArchiveParametersDto, DeleteArchiveResultDto } from '../jobs/contract/delete-archive-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { ArchiveCatalog } from './archive-catalog';

/** `borg delete REPO::ARCHIVE`; then the archive leaves the stored list and its index is deleted. */
@Injectable()
export class DeleteArchiveExecutor implements JobExecutor<'delete_archive'> {
  readonly type = 'delete_archive' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly catalog: ArchiveCatalog,
  ) {}

  async run(context: JobContext<DeleteArchiveParametersDto>): Promise<JobOutcome<DeleteArchiveResultDto>> {
    const { archive_name: name } = context.parameters;
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'Deleting an archive needs a repository');
    context.log('info', `Running: borg delete REPOSITORY::${name}`);
    const archive = await this.catalog.find(repositoryId, name);
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.deleteArchive(connection, name, {
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardBorgEvent(event, context),
      }),
    );
    await this.catalog.removeArchive(archive);
    await this.repositoryBorg.refreshStats(repositoryId);
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: { archive_name: name },
    };
  }
}
