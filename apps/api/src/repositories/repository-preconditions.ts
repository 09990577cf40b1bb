import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryEntity } from './repository.entity';

/** What is said of a repository id that names none: a 404's message, or a field's in a 422. */
export function missingRepository(id: number): string {
  return `Repository ${id} does not exist`;
}

/** What must hold of repository N before something is done to it: that it exists, and that no job of ours uses it. */
@Injectable()
export class RepositoryPreconditions {
  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly jobs: JobsService,
  ) {}

  exists(id: number): Promise<boolean> {
    return this.repositories.existsBy({ id });
  }

  async assertExists(id: number): Promise<void> {
    if (!(await this.exists(id))) throw DomainError.notFound(missingRepository(id));
  }

  /** Where repository N is (a local path or an ssh location), or null when there is none. */
  async locationOf(id: number): Promise<string | null> {
    return (await this.repositories.findOne({ select: { id: true, path: true }, where: { id } }))?.path ?? null;
  }

  /** The row of repository N, for this module (the entity does not leave it); a 404 when there is none. */
  async existing(id: number): Promise<RepositoryEntity> {
    const repository = await this.repositories.findOneBy({ id });
    if (!repository) throw DomainError.notFound(missingRepository(id));
    return repository;
  }

  /**
   * Refused (409 REPOSITORY_BUSY) while a job is queued or running on the repository: borg holds its lock, and
   * what the caller wants would wait for it or break the job's work. `until` ends the message: what to do, and when.
   */
  async assertIdle(id: number, until: string): Promise<void> {
    if (await this.jobs.hasActiveJob(id)) {
      throw new DomainError(ErrorCode.REPOSITORY_BUSY, `A job is queued or running on this repository; ${until}`);
    }
  }
}
