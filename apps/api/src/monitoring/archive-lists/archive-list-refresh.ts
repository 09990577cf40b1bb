import { Injectable } from '@nestjs/common';
import { ArchiveCatalog } from '../../archives/archive-catalog';
import { JobsService } from '../../jobs/jobs.service';
import { DomainError } from '../../platform/errors/domain-error';
import { EventStream } from '../../platform/events/event-stream';
import { RepositoryMonitorStates } from '../../repositories/monitoring/repository-monitor-states';
import { OverdueMonitor } from '../overdue/overdue-monitor';
import { repositoryEvent } from '../repository-event';

/** The kind of idle task (JobQueue.runWhenIdle) that reads a repository's archive list for the monitor. */
const ARCHIVE_LIST_TASK = 'archive-list';

/**
 * Reads the archive lists of repositories again from borg, so that archives other machines made count, and checks
 * each repository for overdue right after. The reading is an idle task of the repository's queue: it never runs
 * beside one of its jobs, and yields to a job that comes. A reading that fails starts an unreachable episode
 * (unreachable_since, repository.unreachable once); the next one that succeeds ends it without an event.
 */
@Injectable()
export class ArchiveListRefresh {
  constructor(
    private readonly states: RepositoryMonitorStates,
    private readonly catalog: ArchiveCatalog,
    private readonly jobs: JobsService,
    private readonly overdue: OverdueMonitor,
    private readonly events: EventStream,
  ) {}

  async refreshAll(): Promise<void> {
    for (const { id } of await this.states.all()) this.refresh(id);
  }

  refresh(repositoryId: number): void {
    this.jobs.runWhenIdle(repositoryId, (signal) => this.read(repositoryId, signal), ARCHIVE_LIST_TASK);
  }

  private async read(repositoryId: number, signal: AbortSignal): Promise<void> {
    let failure: DomainError | null = null;
    try {
      if (!(await this.catalog.refreshUnlessAborted(repositoryId, signal))) return;
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof DomainError)) throw error;
      failure = error;
    }
    const repository = await this.states.one(repositoryId);
    if (!repository) return; // forgotten meanwhile
    if (failure && repository.unreachableSince === null) {
      await this.states.save(repositoryId, { unreachableSince: new Date() });
      this.events.publish(
        'repository.unreachable',
        repositoryEvent(
          repository,
          `Repository "${repository.name}" could not be reached to read its archives: ${failure.message}`,
          { path: repository.path, newest_archive_at: repository.newestArchiveAt?.toISOString() ?? null },
          { error: { code: failure.code, message: failure.message } },
        ),
      );
    } else if (!failure && repository.unreachableSince !== null) {
      await this.states.save(repositoryId, { unreachableSince: null });
    }
    await this.overdue.check(repositoryId);
  }
}
