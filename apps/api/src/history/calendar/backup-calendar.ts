import { Injectable } from '@nestjs/common';
import { ArchiveCatalog } from '../../archives/archive-catalog';
import { JobsService } from '../../jobs/jobs.service';
import { SCHEDULE_GRACE_MS } from '../../monitoring/overdue/expectations';
import { RepositoryPreconditions } from '../../repositories/repository-preconditions';
import { nextRuns, parseCron, serverTimeZone } from '../../schedules/cron/cron-schedule';
import { EnabledSchedules, ExpectingSchedule } from '../../schedules/enabled-schedules';
import { BackupCalendarDto } from '../dto/calendar.dto';
import { calendarDays, dayBoundaries } from './calendar-days';

/**
 * The last days of a repository: on which an archive was made, a backup failed, or one was missing. From the stored
 * archive list, the jobs and the enabled schedules (indexed reads, no borg call).
 */
@Injectable()
export class BackupCalendar {
  constructor(
    private readonly preconditions: RepositoryPreconditions,
    private readonly catalog: ArchiveCatalog,
    private readonly jobs: JobsService,
    private readonly schedules: EnabledSchedules,
  ) {}

  async of(repositoryId: number, days: number, timeZone = serverTimeZone()): Promise<BackupCalendarDto> {
    const repository = await this.preconditions.existing(repositoryId);
    const now = new Date();
    const bounds = dayBoundaries(now, days, timeZone).map((bound) => bound.toJSDate());
    const from = bounds[0];
    const [archives, failureTimes, schedules] = await Promise.all([
      this.catalog.startTimesFrom(repositoryId, from),
      this.jobs.backupFailuresSince(repositoryId, from),
      this.schedules.ofRepository(repositoryId),
    ]);
    const dueBy = new Date(now.getTime() - SCHEDULE_GRACE_MS);
    const calendar = calendarDays({
      now,
      days,
      timeZone,
      createdAt: repository.createdAt,
      maxAgeHours: repository.maxAgeHours,
      archiveBefore: archives.before,
      archiveTimes: archives.times,
      failureTimes,
      expectedRunTimes: schedules.flatMap((schedule) => firstRunOfEachDay(schedule, bounds, dueBy)),
    });
    const totals = { completed: 0, failed: 0, missing: 0 };
    for (const day of calendar) if (day.state !== 'none') totals[day.state]++;
    return { time_zone: timeZone, days: calendar, totals };
  }
}

/** The first run of the schedule on each day, from when it became active until `dueBy`: at most one a day. */
function firstRunOfEachDay(schedule: ExpectingSchedule, bounds: Date[], dueBy: Date): Date[] {
  const cron = parseCron(schedule.cronExpression, schedule.timezone);
  if (!cron.ok) return [];
  const runs: Date[] = [];
  // nextRuns gives the runs after a time: a millisecond before the start keeps a run at midnight.
  let cursor = new Date(Math.max(bounds[0].getTime(), schedule.activeSince.getTime()) - 1);
  for (let day = 0; day < bounds.length; day++) {
    const [next] = nextRuns(cron.cron, schedule.timezone, 1, cursor);
    if (!next) break;
    const run = new Date(next);
    if (run >= dueBy) break;
    runs.push(run);
    const dayEnd = bounds.find((bound) => bound > run);
    if (!dayEnd) break;
    cursor = new Date(dayEnd.getTime() - 1);
  }
  return runs;
}
