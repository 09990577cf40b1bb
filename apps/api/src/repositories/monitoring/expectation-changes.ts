import { Injectable, Logger } from '@nestjs/common';

type ExpectationListener = (repositoryId: number) => Promise<void>;

/**
 * Says that what is expected of repository N (its max_age_hours, its schedules) or its newest archive changed, so that
 * the repository monitor checks N again at once rather than at its next round.
 */
@Injectable()
export class ExpectationChanges {
  private readonly logger = new Logger('Repositories');
  private readonly listeners: ExpectationListener[] = [];

  onChanged(listener: ExpectationListener): void {
    this.listeners.push(listener);
  }

  /** Awaited, so that an answer given after it shows the new state; a failing listener is logged, never thrown. */
  async changed(repositoryId: number): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(repositoryId);
      } catch (error) {
        this.logger.warn({ err: error, repository_id: repositoryId }, 'Checking the repository again after a change failed');
      }
    }
  }
}
