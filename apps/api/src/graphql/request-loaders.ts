import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { RepositoryDto } from '../repositories/dto/repository.dto';
import { RepositoriesService } from '../repositories/repositories.service';
import { ScheduleDto } from '../schedules/dto/schedule.dto';
import { SchedulesService } from '../schedules/schedules.service';

/** What one GraphQL request loads in batches: the fields of N repositories cost the same few queries as one's. */
export interface RequestLoaders {
  repository: DataLoader<number, RepositoryDto | null>;
  latestJobOfRepository: DataLoader<number, JobDto | null>;
  schedulesOfRepository: DataLoader<number, ScheduleDto[]>;
}

/**
 * New loaders for each request: DataLoader gathers the keys a request asks for during one tick and calls the
 * services' batch methods once; nothing is cached beyond the request, so no one sees another request's data.
 */
@Injectable()
export class RequestLoaderFactory {
  constructor(
    private readonly repositories: RepositoriesService,
    private readonly jobs: JobsService,
    private readonly schedules: SchedulesService,
  ) {}

  create(): RequestLoaders {
    return {
      repository: new DataLoader(async (ids) => {
        const found = await this.repositories.byIds(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      latestJobOfRepository: new DataLoader(async (ids) => {
        const latest = await this.jobs.latestOfRepositories(ids);
        return ids.map((id) => latest.get(id) ?? null);
      }),
      schedulesOfRepository: new DataLoader(async (ids) => {
        const byRepository = await this.schedules.ofRepositories(ids);
        return ids.map((id) => byRepository.get(id) ?? []);
      }),
    };
  }
}
