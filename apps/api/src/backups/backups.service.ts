import { Injectable } from '@nestjs/common';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { DomainError } from '../platform/errors/domain-error';
import { missingRepository, RepositoryPreconditions } from '../repositories/repository-preconditions';
import { BackupParametersDto } from '../jobs/contract/backup-job';
import { BackupSourceDto, DEFAULT_ARCHIVE_NAME } from './dto/backup-source.dto';
import { ManualBackupDto } from './dto/manual-backup.dto';
import { SourcePaths } from './source-paths';

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
  ) {}

  /** Everything is checked before the job exists, so a job never fails for a reason the request could show. */
  async startManual(input: ManualBackupDto): Promise<JobDto> {
    const { parameters, problems } = await this.plan(input, input.repository_id, {
      dry_run: input.dry_run ?? false,
      comment: input.comment ?? null,
    });
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

  /** Checks the sources (they exist and can be read) and the repository, and fills in the defaults. */
  async plan(input: BackupSourceDto, repositoryId: number, extra: Pick<BackupParametersDto, 'dry_run' | 'comment'>): Promise<BackupPlan> {
    const problems: Record<string, string[]> = {};
    if (input.source_path !== undefined && input.source_paths !== undefined) {
      problems['source_paths'] = ['Give source_path or source_paths, not both'];
    }
    const paths = this.sources.normalise(input.source_paths ?? (input.source_path !== undefined ? [input.source_path] : []));
    if (paths.length === 0 && !problems['source_paths']) problems['source_path'] = ['source_path or source_paths is required'];
    const unreadable = await this.sources.problems(paths);
    if (unreadable.length > 0) problems[input.source_paths ? 'source_paths' : 'source_path'] = unreadable;
    if (!(await this.preconditions.exists(repositoryId))) problems['repository_id'] = [missingRepository(repositoryId)];
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
      },
    };
  }
}
