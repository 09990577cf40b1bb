import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FINISHED_STATUSES, JOB_STATUSES } from '@borgitory/job-states';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { JobSummaries } from '../../jobs/job-summaries';
import { JobEvents } from '../../jobs/streams/job-events';
import { REPOSITORY_HEALTHS } from '../repository-health';
import { OverviewService } from '../overview.service';

const REPOSITORY_LABELS = ['repository_id', 'repository'] as const;
type RepositoryLabel = (typeof REPOSITORY_LABELS)[number];

/** From a second to a day: backups of a few files to first backups of large disks. */
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/**
 * The Prometheus metrics (GET /metrics), in a registry of their own rather than prom-client's global one. The
 * repositories' and jobs' figures are read from the database at each scrape (the dashboard's queries: a few
 * milliseconds); job durations are a histogram observed as jobs finish. It is not seeded from the history: a restart
 * would then look like the whole history finishing at once to rate() and increase().
 */
@Injectable()
export class BorgitoryMetrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private unsubscribe: (() => void) | null = null;

  private readonly repository = {
    newestArchive: this.repositoryGauge('borgitory_repository_newest_archive_timestamp_seconds', 'Start of the newest archive (unix time)'),
    lastBackupStatus: new Gauge({
      name: 'borgitory_repository_last_backup_status',
      help: 'How the newest finished backup job ended: 1 for its status, 0 for the others',
      labelNames: [...REPOSITORY_LABELS, 'status'],
      registers: [this.registry],
    }),
    lastBackupFinished: this.repositoryGauge(
      'borgitory_repository_last_backup_timestamp_seconds',
      'When the newest finished backup job ended (unix time)',
    ),
    lastBackupDuration: this.repositoryGauge(
      'borgitory_repository_last_backup_duration_seconds',
      'How long the newest finished backup job ran',
    ),
    originalSize: this.repositoryGauge(
      'borgitory_repository_original_size_bytes',
      'Bytes of all archives before compression and deduplication',
    ),
    compressedSize: this.repositoryGauge('borgitory_repository_compressed_size_bytes', 'Bytes of all archives after compression'),
    deduplicatedSize: this.repositoryGauge('borgitory_repository_deduplicated_size_bytes', 'Bytes the repository really uses'),
    archives: this.repositoryGauge('borgitory_repository_archives', 'Archives in the repository'),
    overdue: this.repositoryGauge(
      'borgitory_repository_overdue',
      '1 while no archive is as recent as expected (max_age_hours or a schedule), else 0',
    ),
    unacknowledged: this.repositoryGauge('borgitory_repository_unacknowledged_failures', 'Failed and warning jobs nobody has acknowledged'),
    health: new Gauge({
      name: 'borgitory_repository_health',
      help: "The dashboard's verdict: 1 for it (failed, overdue, warning or healthy), 0 for the others",
      labelNames: [...REPOSITORY_LABELS, 'health'],
      registers: [this.registry],
    }),
  };

  private readonly jobs = new Gauge({
    name: 'borgitory_jobs',
    help: 'Jobs in the history (kept BORGITORY_JOB_RETENTION_DAYS) by type and status',
    labelNames: ['type', 'status'],
    registers: [this.registry],
  });
  private readonly queued = new Gauge({ name: 'borgitory_jobs_queued', help: 'Jobs waiting for their turn', registers: [this.registry] });
  private readonly running = new Gauge({ name: 'borgitory_jobs_running', help: 'Jobs running now', registers: [this.registry] });
  private readonly durations = new Histogram({
    name: 'borgitory_job_duration_seconds',
    help: 'How long jobs ran, from start to finish, observed as they finish (since the server started)',
    labelNames: ['type', 'status'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    private readonly overview: OverviewService,
    private readonly jobSummaries: JobSummaries,
    private readonly jobEvents: JobEvents,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  onModuleInit(): void {
    this.unsubscribe = this.jobEvents.subscribeFinished((job) => {
      if (job.started_at === null || job.finished_at === null) return;
      const seconds = (Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000;
      this.durations.observe({ type: job.type, status: job.status }, Math.max(0, seconds));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The metrics in Prometheus' text format, with the stored figures read now. */
  async scrape(): Promise<{ contentType: string; text: string }> {
    await this.refresh();
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  private async refresh(): Promise<void> {
    const [facts, counts] = await Promise.all([this.overview.facts(), this.jobSummaries.countsByTypeAndStatus()]);
    for (const gauge of [...Object.values(this.repository), this.jobs]) gauge.reset();
    const seconds = (time: string | Date | null) => (time === null ? null : new Date(time).getTime() / 1000);
    for (const repository of this.overview.repositoryOverviews(facts)) {
      const labels = { repository_id: String(repository.id), repository: repository.name };
      const set = (gauge: Gauge<RepositoryLabel>, value: number | null) => {
        if (value !== null) gauge.set(labels, value);
      };
      const backup = repository.last_backup;
      set(this.repository.newestArchive, seconds(repository.newest_archive_at));
      set(this.repository.lastBackupFinished, seconds(backup?.finished_at ?? null));
      set(this.repository.lastBackupDuration, backup?.duration_seconds ?? null);
      if (backup) {
        for (const status of FINISHED_STATUSES)
          this.repository.lastBackupStatus.set({ ...labels, status }, backup.status === status ? 1 : 0);
      }
      set(this.repository.originalSize, repository.original_size);
      set(this.repository.compressedSize, repository.compressed_size);
      set(this.repository.deduplicatedSize, repository.deduplicated_size);
      set(this.repository.archives, repository.archives_count);
      set(this.repository.overdue, repository.overdue ? 1 : 0);
      set(this.repository.unacknowledged, repository.unacknowledged_failures.count);
      for (const health of REPOSITORY_HEALTHS) this.repository.health.set({ ...labels, health }, repository.health === health ? 1 : 0);
    }
    const byStatus = new Map(JOB_STATUSES.map((status) => [status, 0]));
    for (const { type, status, jobs } of counts) {
      this.jobs.set({ type, status }, jobs);
      byStatus.set(status, (byStatus.get(status) ?? 0) + jobs);
    }
    this.queued.set(byStatus.get('queued') ?? 0);
    this.running.set(byStatus.get('running') ?? 0);
  }

  private repositoryGauge(name: string, help: string): Gauge<RepositoryLabel> {
    return new Gauge({ name, help, labelNames: REPOSITORY_LABELS, registers: [this.registry] });
  }
}
