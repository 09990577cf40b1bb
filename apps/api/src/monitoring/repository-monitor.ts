import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ArchiveCatalog } from '../archives/archive-catalog';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { ExpectationChanges } from '../repositories/monitoring/expectation-changes';
import { ArchiveListRefresh } from './archive-lists/archive-list-refresh';
import { LowSpaceMonitor } from './low-space/low-space-monitor';
import { OverdueMonitor } from './overdue/overdue-monitor';

/**
 * When the monitors run. At start-up every repository's archive list is read again and the repository checked right
 * after (a server that was down notices at once what became overdue meanwhile, and does not mistake archives other
 * machines made meanwhile for none), and free space is checked. Then every BORGITORY_MONITOR_INTERVAL_SECONDS all
 * repositories are checked (overdue by their stored archive lists, free space), and every
 * BORGITORY_ARCHIVE_REFRESH_MINUTES their lists are read again. A change of what is expected of a repository, or of
 * its newest archive, checks it at once.
 */
@Injectable()
export class RepositoryMonitor implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Monitor');
  private readonly timers: NodeJS.Timeout[] = [];
  private round: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly overdue: OverdueMonitor,
    private readonly lowSpace: LowSpaceMonitor,
    private readonly archiveLists: ArchiveListRefresh,
    private readonly catalog: ArchiveCatalog,
    private readonly changes: ExpectationChanges,
  ) {}

  onModuleInit(): void {
    this.changes.onChanged((repositoryId) => this.check(repositoryId));
  }

  onApplicationBootstrap(): void {
    this.runRound(async () => {
      await this.archiveLists.refreshAll();
      await this.lowSpace.checkAll();
    });
    this.timers.push(
      setInterval(
        () =>
          this.runRound(async () => {
            await this.overdue.checkAll();
            await this.lowSpace.checkAll();
          }),
        this.config.monitorIntervalSeconds * 1000,
      ),
      setInterval(() => this.runRound(() => this.archiveLists.refreshAll()), this.config.archiveRefreshMinutes * 60_000),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.round;
  }

  /** A repository whose archive list was never read (one just added) has it read first. */
  private async check(repositoryId: number): Promise<void> {
    if (await this.catalog.hasList(repositoryId)) await this.overdue.check(repositoryId);
    else this.archiveLists.refresh(repositoryId);
  }

  /** One round at a time: a round still going when the next is due makes that one wait for the following turn. */
  private runRound(work: () => Promise<void>): void {
    if (this.round) return;
    this.round = work()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Checking the repositories failed'))
      .finally(() => {
        this.round = null;
      });
  }
}
