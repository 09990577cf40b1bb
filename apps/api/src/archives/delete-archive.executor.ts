import { Injectable } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { forwardBorgEvent } from '../jobs/engine/forward-borg-event';
import { DeleteArchiveParametersDto, DeleteArchiveResultDto } from '../jobs/contract/delete-archive-job';
import { JobContext, JobExecutor, JobOutcome } from '../jobs/engine/job-executor';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { ArchiveCatalog } from './archive-catalog';

/** A name as a shell would need it: quoted when it holds a space, a quote or nothing. */
const quoted = (name: string): string => (/^[^\s'"\\]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`);

/**
 * `borg delete REPO::ARCHIVE [ARCHIVE …]`: one borg call for one archive or several; then they leave the stored
 * list and their indexes are deleted.
 */
@Injectable()
export class DeleteArchiveExecutor implements JobExecutor<'delete_archive'> {
  readonly type = 'delete_archive' as const;

  constructor(
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly catalog: ArchiveCatalog,
  ) {}

  async run(context: JobContext<DeleteArchiveParametersDto>): Promise<JobOutcome<DeleteArchiveResultDto>> {
    const { archive_name: name, archive_names: several } = context.parameters;
    const names = several ?? [name];
    const repositoryId = context.repositoryId;
    if (repositoryId === null) throw new DomainError(ErrorCode.VALIDATION_ERROR, 'Deleting an archive needs a repository');
    context.log('info', `Running: borg delete REPOSITORY::${names.map(quoted).join(' ')}`);
    const { found, missing } = await this.catalog.findAll(repositoryId, names);
    if (missing.length > 0) throw DomainError.notFound(`Archive "${missing[0]}" does not exist in repository ${repositoryId}`);
    const outcome = await this.repositoryBorg.run(repositoryId, (connection) =>
      this.borg.deleteArchives(connection, names, {
        signal: context.signal,
        onSpawn: (pid) => context.processStarted(pid),
        onEvent: (event) => forwardBorgEvent(event, context),
      }),
    );
    await this.catalog.removeArchives(repositoryId, found);
    await this.repositoryBorg.refreshStats(repositoryId);
    return {
      status: outcome.exitCode === 1 ? 'warning' : 'completed',
      warnings: outcome.warnings.map((warning) => warning.message),
      result: several ? { archive_name: name, archive_names: several } : { archive_name: name },
    };
  }
}
