import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JobDto } from '../../jobs/dto/job.dto';
import { JobEvents } from '../../jobs/streams/job-events';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { EventStream } from '../../platform/events/event-stream';
import { RepositoriesService } from '../../repositories/repositories.service';
import { jobEventData, jobEventName } from './job-event-of';

/** Publishes backup.completed, backup.failed, check.failed… as jobs finish. */
@Injectable()
export class JobAlerts implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly jobEvents: JobEvents,
    private readonly events: EventStream,
    private readonly repositories: RepositoriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.jobEvents.subscribeFinished((job) => void this.publish(job));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async publish(job: JobDto): Promise<void> {
    const name = jobEventName(job);
    if (!name) return;
    const repository = job.repository_id === null ? null : { id: job.repository_id, name: await this.repositoryName(job.repository_id) };
    const scheduleName = job.type === 'backup' ? job.parameters.schedule_name : undefined;
    const schedule = job.schedule_id === null ? null : { id: job.schedule_id, name: scheduleName ?? `Schedule ${job.schedule_id}` };
    const jobUrl = `${this.config.publicUrl}/jobs/${job.id}`;
    const finishedAt = job.finished_at ? new Date(job.finished_at) : new Date();
    this.events.publish(name, jobEventData(name, job, { repository, schedule, jobUrl }), finishedAt);
  }

  private async repositoryName(id: number): Promise<string> {
    return this.repositories.get(id).then(
      (repository) => repository.name,
      () => `Repository ${id}`,
    );
  }
}
