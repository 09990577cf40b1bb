import { Injectable } from '@nestjs/common';
import { JobStatus, JobType } from '@borgitory/job-states';
import { JobBriefDto } from './dto/job-brief.dto';
import { JobDto } from './dto/job.dto';
import { toJobBrief, toJobDto } from './store/job-dto.mapper';
import { JobStore } from './store/job-store';
import { JobEvents } from './streams/job-events';

/** A repository's failed and warning jobs that nobody has acknowledged yet. */
export interface UnacknowledgedJobs {
  failed: number;
  warning: number;
  newest: JobBriefDto;
}

/**
 * What the dashboard and /metrics read of the jobs, each from an index in one or two queries whatever the length of
 * the history: the last backup of each repository, the unacknowledged failures, the running jobs, the counts.
 */
@Injectable()
export class JobSummaries {
  constructor(
    private readonly store: JobStore,
    private readonly events: JobEvents,
  ) {}

  /** The newest finished backup of each repository given that has one. */
  async lastBackups(repositoryIds: number[]): Promise<Map<number, JobBriefDto>> {
    const jobs = await this.store.withoutSteps(await this.store.newestFinishedBackups(repositoryIds));
    return new Map(jobs.map((job) => [job.repositoryId as number, toJobBrief(job)]));
  }

  /** The newest finished backup of each host given (hosts without one are left out). */
  async lastHostBackups(hostIds: number[]): Promise<Map<number, JobBriefDto>> {
    const jobs = await this.store.withoutSteps(await this.store.newestFinishedHostBackups(hostIds));
    return new Map(jobs.map((job) => [job.hostId as number, toJobBrief(job)]));
  }

  /** Per repository, its unacknowledged failed and warning jobs (repositories without any are left out). */
  async unacknowledged(): Promise<Map<number, UnacknowledgedJobs>> {
    const counts = await this.store.unacknowledgedByRepository();
    const newest = new Map((await this.store.withoutSteps(counts.map((row) => row.newestId))).map((job) => [job.id, job]));
    return new Map(
      counts.flatMap((row) => {
        const job = newest.get(row.newestId);
        return job ? [[row.repositoryId, { failed: row.failed, warning: row.warning, newest: toJobBrief(job) }]] : [];
      }),
    );
  }

  /** The running jobs, oldest first, with their latest progress. */
  async running(): Promise<JobDto[]> {
    return (await this.store.withStatus('running')).map((record) => toJobDto(record, this.events.progressOf(record.job.id)));
  }

  /** The same jobs with the progress they report now. */
  withLiveProgress(jobs: JobDto[]): JobDto[] {
    return jobs.map((job) => ({ ...job, progress: this.events.progressOf(job.id) ?? job.progress }));
  }

  /** How many jobs the history holds of each type and status. */
  countsByTypeAndStatus(): Promise<Array<{ type: JobType; status: JobStatus; jobs: number }>> {
    return this.store.countsByTypeAndStatus();
  }
}
