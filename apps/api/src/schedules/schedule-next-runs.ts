import { Injectable } from '@nestjs/common';
import { nextRuns, parseCron } from './cron/cron-schedule';
import { EnabledSchedules, ExpectingSchedule } from './enabled-schedules';

/** When a repository's next scheduled run is, and which schedule it is a run of. */
export interface NextRun {
  at: Date;
  scheduleId: number;
  scheduleName: string;
}

/**
 * The next run of each repository's enabled schedules, for the dashboard. Working out a cron expression's next time
 * costs a fraction of a millisecond; each schedule's is kept until that time has passed or the schedule changed.
 */
@Injectable()
export class ScheduleNextRuns {
  private readonly known = new Map<number, { key: string; at: Date | null }>();

  constructor(private readonly enabled: EnabledSchedules) {}

  /** The earliest next run of each repository that has an enabled schedule. */
  async byRepository(now = new Date()): Promise<Map<number, NextRun>> {
    const schedules = [...(await this.enabled.byRepository()).values()].flat();
    const current = new Set(schedules.map((schedule) => schedule.id));
    for (const id of this.known.keys()) if (!current.has(id)) this.known.delete(id);
    const earliest = new Map<number, NextRun>();
    for (const schedule of schedules) {
      const at = this.nextOf(schedule, now);
      const sooner = earliest.get(schedule.repositoryId);
      if (at !== null && (sooner === undefined || at < sooner.at)) {
        earliest.set(schedule.repositoryId, { at, scheduleId: schedule.id, scheduleName: schedule.name });
      }
    }
    return earliest;
  }

  private nextOf(schedule: ExpectingSchedule, now: Date): Date | null {
    const key = `${schedule.cronExpression}\0${schedule.timezone}`;
    const known = this.known.get(schedule.id);
    if (known?.key === key && (known.at === null || known.at > now)) return known.at;
    const cron = parseCron(schedule.cronExpression, schedule.timezone);
    const [next] = cron.ok ? nextRuns(cron.cron, schedule.timezone, 1, now) : [];
    const at = next === undefined ? null : new Date(next);
    this.known.set(schedule.id, { key, at });
    return at;
  }
}
