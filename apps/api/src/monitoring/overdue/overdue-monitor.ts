import { Injectable } from '@nestjs/common';
import { ArchiveCatalog } from '../../archives/archive-catalog';
import { JobsService } from '../../jobs/jobs.service';
import { EventStream } from '../../platform/events/event-stream';
import { MonitoredRepository, RepositoryMonitorStates } from '../../repositories/monitoring/repository-monitor-states';
import { EnabledSchedules, ExpectingSchedule } from '../../schedules/enabled-schedules';
import { PerRepositoryTurns } from '../per-repository-turns';
import { repositoryEvent } from '../repository-event';
import { Assessment, assessExpectations, describeMissed, duration } from './expectations';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Decides whether repositories are overdue (expectations.ts) and keeps the verdict in their row. overdue_since is the
 * episode: repository.overdue fires when it is set, repository.recovered when it is cleared while something is still
 * expected (an archive came); it is cleared silently when nothing is expected any more. Stored, so that a restart
 * while overdue fires nothing, and a repository that became overdue while the server was down fires at its first check.
 */
@Injectable()
export class OverdueMonitor {
  private readonly turns = new PerRepositoryTurns();

  constructor(
    private readonly states: RepositoryMonitorStates,
    private readonly schedules: EnabledSchedules,
    private readonly jobs: JobsService,
    private readonly catalog: ArchiveCatalog,
    private readonly events: EventStream,
  ) {}

  async checkAll(now = new Date()): Promise<void> {
    const schedules = await this.schedules.byRepository();
    for (const { id } of await this.states.all()) {
      await this.turns.run(id, () => this.judge(id, schedules.get(id) ?? [], now));
    }
  }

  check(repositoryId: number): Promise<void> {
    return this.turns.run(repositoryId, async () => this.judge(repositoryId, await this.schedules.ofRepository(repositoryId), new Date()));
  }

  /**
   * The row is read in the repository's turn, so a check queued behind another sees what that one wrote. A repository
   * whose archive list was never read is left until it is (the archive list refresh reads it, then checks).
   */
  private async judge(repositoryId: number, schedules: ExpectingSchedule[], now: Date): Promise<void> {
    if (!(await this.catalog.hasList(repositoryId))) return;
    const repository = await this.states.one(repositoryId);
    if (!repository) return;
    const expecting = [];
    for (const schedule of schedules) {
      expecting.push({ ...schedule, running: (await this.jobs.activeOfSchedule(schedule.id)) !== null });
    }
    const assessment = assessExpectations({
      now,
      createdAt: repository.createdAt,
      newestArchiveAt: repository.newestArchiveAt,
      maxAgeHours: repository.maxAgeHours,
      schedules: expecting,
    });
    const next = {
      overdueSince: assessment.overdueSince,
      archiveExpectedBy: assessment.expectedBy,
      expectation: assessment.expectation,
    };
    const changed =
      !sameTime(next.overdueSince, repository.overdueSince) ||
      !sameTime(next.archiveExpectedBy, repository.archiveExpectedBy) ||
      next.expectation !== repository.expectation;
    if (changed) await this.states.save(repository.id, next);

    if (repository.overdueSince === null && assessment.overdue) this.publishOverdue(repository, assessment, now);
    if (repository.overdueSince !== null && !assessment.overdue && assessment.expectation !== null) {
      this.publishRecovered(repository, repository.overdueSince, assessment, now);
    }
  }

  private publishOverdue(repository: MonitoredRepository, assessment: Assessment, now: Date): void {
    const [missed] = assessment.unmet;
    const newest = repository.newestArchiveAt;
    this.events.publish(
      'repository.overdue',
      repositoryEvent(
        repository,
        `Repository "${repository.name}" is overdue: ${describeMissed(missed, newest, now)}`,
        {
          newest_archive_at: newest?.toISOString() ?? null,
          age_hours: newest ? hoursBetween(newest, now) : null,
          max_age_hours: repository.maxAgeHours,
          expected_by: missed.dueAt.toISOString(),
          expected_run_at: missed.kind === 'schedule' ? missed.after.toISOString() : null,
        },
        { schedule: missed.schedule },
      ),
    );
  }

  private publishRecovered(repository: MonitoredRepository, overdueSince: Date, assessment: Assessment, now: Date): void {
    const newest = repository.newestArchiveAt;
    const made = newest ? `its newest archive was made at ${newest.toISOString()}` : 'nothing is missing any more';
    this.events.publish(
      'repository.recovered',
      repositoryEvent(
        repository,
        `Repository "${repository.name}" is up to date again: ${made}, after ${duration(now.getTime() - overdueSince.getTime())} overdue`,
        {
          newest_archive_at: newest?.toISOString() ?? null,
          age_hours: newest ? hoursBetween(newest, now) : null,
          max_age_hours: repository.maxAgeHours,
          overdue_since: overdueSince.toISOString(),
          overdue_hours: hoursBetween(overdueSince, now),
          expected_by: assessment.expectedBy?.toISOString() ?? null,
        },
      ),
    );
  }
}

function sameTime(a: Date | null, b: Date | null): boolean {
  return a?.getTime() === b?.getTime();
}

/** To a tenth of an hour. */
function hoursBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;
}
