import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ErrorCode } from '../../platform/errors/error-code';
import { JobRecord } from '../store/job-dto.mapper';
import { JobLogs } from '../logs/job-logs';
import { JobQueue } from './job-queue';
import { JobSettings } from './job-settings';
import { INTERRUPTED_MESSAGE } from './job-run';
import { JobStore } from '../store/job-store';
import { ProcessGroups } from './process-groups';

/**
 * At start-up, before the queue runs anything: jobs that were running when
 * Borgitory stopped are marked interrupted and their orphaned processes (those
 * carrying the job's mark) are ended, so borg releases the repository lock
 * (borg removes its own stale lock on the next run); then queued jobs are put
 * back in their original order.
 */
@Injectable()
export class JobRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobRecovery');

  constructor(
    private readonly store: JobStore,
    private readonly queue: JobQueue,
    private readonly logs: JobLogs,
    private readonly processes: ProcessGroups,
    private readonly settings: JobSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.store.withStatus('running');
    await Promise.all(interrupted.map((record) => this.interrupt(record)));
    for (const { job } of await this.store.withStatus('queued')) {
      this.queue.add({ id: job.id, repositoryId: job.repositoryId });
    }
    this.queue.start();
  }

  private async interrupt({ job, steps }: JobRecord): Promise<void> {
    const pgid = job.processGroupId;
    // A recycled pid, or another server's borg (one started on a copy of this data directory), is not ours to kill.
    if (pgid !== null && this.processes.isOrphanOf(pgid, job.id)) {
      this.logger.warn(`Ending process group ${pgid} left running by job ${job.id}`);
      await this.processes.terminate(pgid, this.settings.orphanKillGraceMs);
    } else if (pgid !== null) {
      this.logger.log(`Process group ${pgid} recorded by job ${job.id} holds nothing this server started; left alone`);
    }
    const log = this.logs.writer(job.id, { truncated: job.logTruncated });
    log.write('error', INTERRUPTED_MESSAGE);
    log.close();
    const now = new Date();
    for (const step of steps) {
      if (step.status === 'running') await this.store.updateStep(step, { status: 'interrupted', finishedAt: now });
      if (step.status === 'pending') await this.store.updateStep(step, { status: 'skipped' });
    }
    await this.store.updateJob(job, {
      status: 'interrupted',
      finishedAt: now,
      errorCode: ErrorCode.JOB_INTERRUPTED,
      errorMessage: INTERRUPTED_MESSAGE,
      logTruncated: log.isTruncated,
      processGroupId: null,
    });
  }
}
