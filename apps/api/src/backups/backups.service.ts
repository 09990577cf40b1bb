import { Injectable } from '@nestjs/common';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { DomainError } from '../platform/errors/domain-error';
import { missingRepository, RepositoryPreconditions } from '../repositories/repository-preconditions';
import { BackupParametersDto } from '../jobs/contract/backup-job';
import { BackupSourceDto, DEFAULT_ARCHIVE_NAME } from './dto/backup-source.dto';
import { ManualBackupDto } from './dto/manual-backup.dto';
import { SourcePaths } from './source-paths';
import { ErrorCode } from '../platform/errors/error-code';
import { HostDirectories } from '../hosts/host-directories';
import { HostEntity } from '../hosts/host.entity';
import { HostsService } from '../hosts/hosts.service';
import { pullModeProblem } from '../hosts/pull/pull-mode';

export const DEFAULT_COMPRESSION = 'lz4';

/** A backup's parameters, and what is wrong with the request per field (empty when nothing is). */
export interface BackupPlan {
  parameters: BackupParametersDto;
  problems: Record<string, string[]>;
}

@Injectable()
export class BackupsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly preconditions: RepositoryPreconditions,
    private readonly sources: SourcePaths,
    private readonly hosts: HostsService,
    private readonly hostDirectories: HostDirectories,
  ) {}

  /** Everything is checked before the job exists, so a job never fails for a reason the request could show. */
  async startManual(input: ManualBackupDto): Promise<JobDto> {
    const host = input.host_id === undefined ? null : await this.requestedHost(input.host_id);
    const { parameters, problems } = await this.plan(
      input,
      input.repository_id,
      { dry_run: input.dry_run ?? false, comment: input.comment ?? null },
      host,
    );
    if (Object.keys(problems).length > 0) {
      throw DomainError.invalidInput(problems);
    }
    return this.jobs.enqueue({
      type: 'backup',
      repositoryId: input.repository_id,
      parameters,
      trigger: 'manual',
    });
  }

  /**
   * Checks the sources (they exist and can be read, on the host when there is one) and the repository, and fills in
   * the defaults.
   */
  async plan(
    input: BackupSourceDto,
    repositoryId: number,
    extra: Pick<BackupParametersDto, 'dry_run' | 'comment'>,
    host: HostEntity | null = null,
  ): Promise<BackupPlan> {
    const problems: Record<string, string[]> = {};
    if (input.source_path !== undefined && input.source_paths !== undefined) {
      problems['source_paths'] = ['Give source_path or source_paths, not both'];
    }
    const paths = this.sources.normalise(input.source_paths ?? (input.source_path !== undefined ? [input.source_path] : []));
    if (paths.length === 0 && !problems['source_paths']) problems['source_path'] = ['source_path or source_paths is required'];
    const unreadable = host ? await this.hostDirectories.problems(host, paths) : await this.sources.problems(paths);
    if (unreadable.length > 0) problems[input.source_paths ? 'source_paths' : 'source_path'] = unreadable;
    const location = await this.preconditions.locationOf(repositoryId);
    if (location === null) problems['repository_id'] = [missingRepository(repositoryId)];
    const pullProblem = host && location !== null ? pullModeProblem(location) : null;
    if (pullProblem) problems['repository_id'] = [pullProblem];
    return {
      problems,
      parameters: {
        source_paths: paths,
        archive_name: input.archive_name ?? DEFAULT_ARCHIVE_NAME,
        compression: input.compression ?? DEFAULT_COMPRESSION,
        exclude_patterns: input.exclude_patterns ?? [],
        dry_run: extra.dry_run,
        one_file_system: input.one_file_system ?? false,
        comment: extra.comment,
        ...(host ? { host_id: host.id, host_name: host.name } : {}),
      },
    };
  }

  /** The host a request names (host_id); one that does not exist is refused as that field's problem (422). */
  async requestedHost(id: number): Promise<HostEntity> {
    try {
      return await this.hosts.find(id);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.HOST_NOT_FOUND)
        throw DomainError.invalidInput({ host_id: [error.message] });
      throw error;
    }
  }
}
