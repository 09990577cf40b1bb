import { Injectable } from '@nestjs/common';
import { ArchiveCatalog } from '../archives/archive-catalog';
import { JobSummaries, UnacknowledgedJobs } from '../jobs/job-summaries';
import { DatabaseVersion } from '../platform/database/database-version';
import { RepositorySummaries, RepositorySummary } from '../repositories/monitoring/repository-summaries';
import { NextRun, ScheduleNextRuns } from '../schedules/schedule-next-runs';
import { JobBriefDto } from '../jobs/dto/job-brief.dto';
import { HostsService } from '../hosts/hosts.service';
import { HostOverviewDto, OverviewDto, OverviewTotalsDto, RepositoryOverviewDto } from './dto/overview.dto';
import { assessHealth, compareByHealth } from './repository-health';

/** How many of its newest archives a repository's size trend shows. */
const SIZE_TREND_ARCHIVES = 30;

/** However quiet the database, the answer is read again after this long. */
const KEEP_AT_MOST_MS = 60_000;

/** What the overview is made of, each read once for all repositories. */
export interface OverviewFacts {
  repositories: RepositorySummary[];
  archiveCounts: Map<number, number>;
  lastBackups: Map<number, JobBriefDto>;
  unacknowledged: Map<number, UnacknowledgedJobs>;
  nextRuns: Map<number, NextRun>;
  sizeTrends: Map<number, number[]>;
}

/**
 * "Are my backups healthy?" in one answer, from stored data only (no borg): every repository with its verdict, worst
 * first, the totals and the running jobs. A handful of queries, each on an index, whatever the number of repositories,
 * archives and jobs.
 */
@Injectable()
export class OverviewService {
  /**
   * The last answer, kept while the database is unchanged and no next run it shows has come (the dashboard polls it):
   * nothing else in it changes without a write. The running jobs' progress is taken afresh each time.
   */
  private kept: { version: string; until: number; overview: OverviewDto } | null = null;

  constructor(
    private readonly repositories: RepositorySummaries,
    private readonly catalog: ArchiveCatalog,
    private readonly jobs: JobSummaries,
    private readonly nextRuns: ScheduleNextRuns,
    private readonly version: DatabaseVersion,
    private readonly hosts: HostsService,
  ) {}

  async overview(now = new Date()): Promise<OverviewDto> {
    const version = this.version.current();
    const kept = this.kept?.version === version && now.getTime() < this.kept.until ? this.kept.overview : null;
    const overview = kept ?? (await this.read(now, version));
    return { ...overview, running_jobs: this.jobs.withLiveProgress(overview.running_jobs), generated_at: now.toISOString() };
  }

  private async read(now: Date, version: string): Promise<OverviewDto> {
    const [facts, running, counts, hosts] = await Promise.all([
      this.facts(now),
      this.jobs.running(),
      this.jobs.countsByTypeAndStatus(),
      this.hostOverviews(),
    ]);
    const repositories = this.repositoryOverviews(facts);
    const queued = counts.filter((count) => count.status === 'queued').reduce((sum, count) => sum + count.jobs, 0);
    const overview = {
      repositories,
      totals: totalsOf(repositories, running.length, queued),
      running_jobs: running,
      hosts,
      generated_at: '',
    };
    const nextRun = Math.min(...[...facts.nextRuns.values()].map((run) => run.at.getTime()));
    this.kept = { version, until: Math.min(nextRun, now.getTime() + KEEP_AT_MOST_MS), overview };
    return overview;
  }

  /** Every host with its last test and newest backup, by name. */
  private async hostOverviews(): Promise<HostOverviewDto[]> {
    const hosts = await this.hosts.all();
    const lastBackups = await this.jobs.lastHostBackups(hosts.map((host) => host.id));
    return hosts.map((host) => ({
      id: host.id,
      name: host.name,
      address: host.address,
      reachable: host.last_test?.ok ?? null,
      last_test_at: host.last_test?.tested_at ?? null,
      last_test_message: host.last_test?.message ?? null,
      last_backup: lastBackups.get(host.id) ?? null,
    }));
  }

  /** Every repository with its verdict, worst first. */
  repositoryOverviews(facts: OverviewFacts): RepositoryOverviewDto[] {
    return facts.repositories.map((repository) => toOverview(repository, facts)).sort(compareByHealth);
  }

  async facts(now = new Date()): Promise<OverviewFacts> {
    const repositories = await this.repositories.all();
    const [archiveCounts, lastBackups, unacknowledged, nextRuns, sizeTrends] = await Promise.all([
      this.catalog.countsByRepository(),
      this.jobs.lastBackups(repositories.map((repository) => repository.id)),
      this.jobs.unacknowledged(),
      this.nextRuns.byRepository(now),
      this.catalog.recentOriginalSizes(SIZE_TREND_ARCHIVES),
    ]);
    return { repositories, archiveCounts, lastBackups, unacknowledged, nextRuns, sizeTrends };
  }
}

function toOverview(repository: RepositorySummary, facts: OverviewFacts): RepositoryOverviewDto {
  const unacknowledged = facts.unacknowledged.get(repository.id);
  const nextRun = facts.nextRuns.get(repository.id);
  const { health, reasons } = assessHealth({
    unacknowledgedFailed: unacknowledged?.failed ?? 0,
    unacknowledgedWarning: unacknowledged?.warning ?? 0,
    unreachableSince: repository.unreachableSince,
    overdueSince: repository.overdueSince,
    lowSpaceSince: repository.lowSpaceSince,
    newestArchiveAt: repository.newestArchiveAt,
  });
  return {
    id: repository.id,
    name: repository.name,
    health,
    health_reasons: reasons,
    newest_archive_at: iso(repository.newestArchiveAt),
    last_backup: facts.lastBackups.get(repository.id) ?? null,
    overdue: repository.overdueSince !== null,
    overdue_since: iso(repository.overdueSince),
    archive_expected_by: iso(repository.archiveExpectedBy),
    expectation: repository.expectation,
    max_age_hours: repository.maxAgeHours,
    unreachable_since: iso(repository.unreachableSince),
    low_space_since: iso(repository.lowSpaceSince),
    next_run: nextRun ? { at: nextRun.at.toISOString(), schedule_id: nextRun.scheduleId, schedule_name: nextRun.scheduleName } : null,
    archives_count: facts.archiveCounts.get(repository.id) ?? repository.archivesCount,
    original_size: repository.originalSize,
    compressed_size: repository.compressedSize,
    deduplicated_size: repository.deduplicatedSize,
    size_trend: facts.sizeTrends.get(repository.id) ?? [],
    stats_updated_at: iso(repository.statsUpdatedAt),
    unacknowledged_failures: {
      count: (unacknowledged?.failed ?? 0) + (unacknowledged?.warning ?? 0),
      failed: unacknowledged?.failed ?? 0,
      warning: unacknowledged?.warning ?? 0,
      newest: unacknowledged?.newest ?? null,
    },
  };
}

function totalsOf(repositories: RepositoryOverviewDto[], running: number, queued: number): OverviewTotalsDto {
  const sum = (value: (repository: RepositoryOverviewDto) => number | null) =>
    repositories.reduce((total, repository) => total + (value(repository) ?? 0), 0);
  const withHealth = (health: RepositoryOverviewDto['health']) => repositories.filter((repository) => repository.health === health).length;
  return {
    repositories: repositories.length,
    failed: withHealth('failed'),
    overdue: withHealth('overdue'),
    warning: withHealth('warning'),
    healthy: withHealth('healthy'),
    archives: sum((repository) => repository.archives_count),
    original_size: sum((repository) => repository.original_size),
    deduplicated_size: sum((repository) => repository.deduplicated_size),
    unacknowledged_failures: sum((repository) => repository.unacknowledged_failures.count),
    running_jobs: running,
    queued_jobs: queued,
  };
}

function iso(time: Date | null): string | null {
  return time?.toISOString() ?? null;
}
