import { Injectable } from '@nestjs/common';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobsService } from '../../jobs/jobs.service';
import { RepositoryPreconditions } from '../../repositories/repository-preconditions';

/** `borg compact` by hand: gives back the space of archives deleted or pruned without compacting after. */
@Injectable()
export class CompactService {
  constructor(
    private readonly preconditions: RepositoryPreconditions,
    private readonly jobs: JobsService,
  ) {}

  /** A compact job, queued behind the repository's other jobs like a prune or a check. */
  async start(repositoryId: number): Promise<JobDto> {
    await this.preconditions.assertExists(repositoryId);
    return this.jobs.enqueue({ type: 'compact', repositoryId, parameters: {} });
  }
}
