import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArchivesService } from '../../archives/archives.service';
import { Requires } from '../../auth/roles/requires.decorator';
import { JobDto } from '../../jobs/dto/job.dto';
import { RepositoryDto } from '../../repositories/dto/repository.dto';
import { RepositoriesService } from '../../repositories/repositories.service';
import { ScheduleDto } from '../../schedules/dto/schedule.dto';
import { GraphQLContext } from '../graphql-context';
import { listComplexity } from '../limits/query-complexity';
import { ArchiveConnection, ArchiveFilter } from '../types/archive.type';
import { connectionOf, ConnectionOf, pageWindow } from '../types/connection';
import { JobObject } from '../types/job.type';
import { RepositoryObject } from '../types/repository.type';
import { ScheduleObject } from '../types/schedule.type';
import { ArchiveDto } from '../../archives/dto/archive.dto';
import { DEFAULT_LIST_SIZE, listSize, SCHEDULES_PER_REPOSITORY } from './list-size';

@Resolver(() => RepositoryObject)
export class RepositoriesResolver {
  constructor(
    private readonly repositoriesService: RepositoriesService,
    private readonly archivesService: ArchivesService,
  ) {}

  @Requires('viewer')
  @Query(() => [RepositoryObject], { description: 'Repositories by name', complexity: listComplexity(DEFAULT_LIST_SIZE) })
  async repositories(@Args('first', { type: () => Int, defaultValue: DEFAULT_LIST_SIZE }) first: number): Promise<RepositoryDto[]> {
    return (await this.repositoriesService.list({ limit: listSize(first), offset: 0 })).items;
  }

  @Requires('viewer')
  @Query(() => RepositoryObject, { description: 'One repository; NOT_FOUND when there is none with this id' })
  repository(@Args('id', { type: () => Int }) id: number): Promise<RepositoryDto> {
    return this.repositoriesService.get(id);
  }

  @ResolveField(() => ArchiveConnection, { description: 'Its archives from the stored list', complexity: listComplexity() })
  async archives(
    @Parent() repository: RepositoryDto,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => ArchiveFilter, nullable: true }) filter: ArchiveFilter | null,
  ): Promise<ConnectionOf<ArchiveDto>> {
    const page = await this.archivesService.list(repository.id, { ...pageWindow(first, after), order: filter?.order ?? 'desc' });
    return connectionOf(page);
  }

  @ResolveField(() => [ScheduleObject], { description: 'Its schedules by name', complexity: listComplexity(SCHEDULES_PER_REPOSITORY) })
  schedules(@Parent() repository: RepositoryDto, @Context() context: GraphQLContext): Promise<ScheduleDto[]> {
    return context.loaders.schedulesOfRepository.load(repository.id);
  }

  @ResolveField(() => JobObject, { nullable: true, description: 'Its newest job of any type; null when it has none' })
  latestJob(@Parent() repository: RepositoryDto, @Context() context: GraphQLContext): Promise<JobDto | null> {
    return context.loaders.latestJobOfRepository.load(repository.id);
  }
}
