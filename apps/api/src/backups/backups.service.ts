import { Injectable } from '@nestjs/common';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { ApiError } from '../platform/http/api-error';
import { RepositoriesService } from '../repositories/repositories.service';
import { BackupParameters } from './backup-parameters';
import { DEFAULT_ARCHIVE_NAME, ManualBackupDto } from './dto/manual-backup.dto';
import { SourcePaths } from './source-paths';

export const DEFAULT_COMPRESSION = 'lz4';

@Injectable()
export class BackupsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly repositories: RepositoriesService,
    private readonly sources: SourcePaths,
  ) {}

  /** Everything is checked before the job exists, so a job never fails for a reason the request could show. */
  async startManual(input: ManualBackupDto): Promise<JobDto> {
    const details: Record<string, string[]> = {};
    if (input.source_path !== undefined && input.source_paths !== undefined) {
      details['source_paths'] = ['Give source_path or source_paths, not both'];
    }
    const paths = this.sources.normalise(input.source_paths ?? (input.source_path !== undefined ? [input.source_path] : []));
    if (paths.length === 0 && !details['source_paths']) details['source_path'] = ['source_path or source_paths is required'];
    const problems = await this.sources.problems(paths);
    if (problems.length > 0) details[input.source_paths ? 'source_paths' : 'source_path'] = problems;
    if (!(await this.repositories.exists(input.repository_id))) {
      details['repository_id'] = [`Repository ${input.repository_id} does not exist`];
    }
    if (Object.keys(details).length > 0) {
      throw ApiError.validation(`Invalid input data: ${Object.keys(details).join(', ')}`, details);
    }

    const parameters: BackupParameters = {
      source_paths: paths,
      archive_name: input.archive_name ?? DEFAULT_ARCHIVE_NAME,
      compression: input.compression ?? DEFAULT_COMPRESSION,
      exclude_patterns: input.exclude_patterns ?? [],
      dry_run: input.dry_run ?? false,
      one_file_system: input.one_file_system ?? false,
      comment: input.comment ?? null,
    };
    return this.jobs.enqueue({
      type: 'backup',
      repositoryId: input.repository_id,
      parameters: parameters as unknown as Record<string, unknown>,
      trigger: 'manual',
    });
  }
}
