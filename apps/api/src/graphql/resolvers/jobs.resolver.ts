import { Args, Context, Float, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Requires } from '../../auth/roles/requires.decorator';
import { BackupsService } from '../../backups/backups.service';
import { ManualBackupDto } from '../../backups/dto/manual-backup.dto';
import { JobLogPageDto } from '../../jobs/dto/job-log.dto';
import { MAX_LOG_LINES } from '../../jobs/dto/job-query.dto';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobsService } from '../../jobs/jobs.service';
import { DomainError } from '../../platform/errors/domain-error';
import { GraphQLContext } from '../graphql-context';
import { asRestBody } from '../graphql-input';
import { RepositoryDto } from '../../repositories/dto/repository.dto';
import { RepositoryObject } from '../types/repository.type';
import { listComplexity } from '../limits/query-complexity';
import { StartBackupFields, StartBackupInput } from '../types/backup-input.type';
import { connectionOf, ConnectionOf, pageWindow } from '../types/connection';
import { JobFilter } from '../types/job-filter.type';
import { JobConnection, JobLogPageObject, JobObject } from '../types/job.type';

const DEFAULT_LOG_LINES = 200;

@Resolver(() => JobObject)
export class JobsResolver {
  constructor(
    private readonly jobsService: JobsService,
    private readonly backupsService: BackupsService,
  ) {}

  @Requires('viewer')
  @Query(() => JobConnection, { description: 'Jobs, newest first', complexity: listComplexity() })
  async jobs(
    @Args('filter', { type: () => JobFilter, nullable: true }) filter: JobFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionOf<JobDto>> {
    const page = await this.jobsService.list({
      ...pageWindow(first, after),
      status: filter?.status,
      type: filter?.type,
      repository_id: filter?.repositoryId,
      schedule_id: filter?.scheduleId,
    });
    return connectionOf(page);
  }

  @Requires('viewer')
  @Query(() => JobObject, { description: 'One job; NOT_FOUND when there is none with this id' })
  job(@Args('id', { type: () => Int }) id: number): Promise<JobDto> {
    return this.jobsService.get(id);
  }

  @ResolveField(() => RepositoryObject, { nullable: true, description: 'Its repository; null when it has none or it was deleted since' })
  repository(@Parent() job: JobDto, @Context() context: GraphQLContext): Promise<RepositoryDto | null> {
    return job.repository_id === null ? Promise.resolve(null) : context.loaders.repository.load(job.repository_id);
  }

  @ResolveField(() => JobLogPageObject, { description: 'A page of its log from a byte offset (0, or nextOffset of the page before)' })
  logs(
    @Parent() job: JobDto,
    @Args('offset', { type: () => Float, defaultValue: 0 }) offset: number,
    @Args('limit', { type: () => Int, defaultValue: DEFAULT_LOG_LINES }) limit: number,
  ): Promise<JobLogPageDto> {
    if (!Number.isSafeInteger(offset) || offset < 0) throw DomainError.badRequest('offset must be a byte offset (0 or more)');
    if (limit < 1 || limit > MAX_LOG_LINES) throw DomainError.badRequest(`limit must be between 1 and ${MAX_LOG_LINES}`);
    return this.jobsService.logPage(job.id, { offset, limit, format: 'json' });
  }

  @Requires('operator')
  @Mutation(() => JobObject, { description: 'Start a backup now (POST /api/v1/backups/manual); the answer is the queued job' })
  async startBackup(@Args('input', { type: () => StartBackupInput }) input: StartBackupFields): Promise<JobDto> {
    return this.backupsService.startManual(await asRestBody(ManualBackupDto, input));
  }

  @Requires('operator')
  @Mutation(() => JobObject, { description: 'Cancel a queued or running job; CONFLICT when it has finished' })
  cancelJob(@Args('id', { type: () => Int }) id: number): Promise<JobDto> {
    return this.jobsService.cancel(id);
  }

  @Requires('operator')
  @Mutation(() => JobObject, { description: 'Run a failed, cancelled or interrupted job again, as a new job' })
  retryJob(@Args('id', { type: () => Int }) id: number): Promise<JobDto> {
    return this.jobsService.retry(id);
  }
}
