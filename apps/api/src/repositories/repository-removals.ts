import { Injectable, Logger } from '@nestjs/common';

type RemovalListener = (repositoryId: number) => Promise<void>;

/** Lets modules that keep data per repository (archive lists, indexes) clean up when a repository is forgotten. */
@Injectable()
export class RepositoryRemovals {
  private readonly logger = new Logger('Repositories');
  private readonly listeners: RemovalListener[] = [];

  onRemoved(listener: RemovalListener): void {
    this.listeners.push(listener);
  }

  /** A failing listener is logged; the repository is gone either way. */
  async notify(repositoryId: number): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(repositoryId);
      } catch (error) {
        this.logger.error({ err: error, repository_id: repositoryId }, 'Cleaning up after a removed repository failed');
      }
    }
  }
}
