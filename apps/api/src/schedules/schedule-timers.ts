import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

const timerName = (scheduleId: number) => `schedule-${scheduleId}`;

/**
 * One @nestjs/schedule cron job per enabled schedule, fired in the schedule's time zone. `onDue` gets the minute the
 * run was due (the tick can come a little late).
 */
@Injectable()
export class ScheduleTimers {
  private readonly logger = new Logger('Schedules');

  constructor(private readonly registry: SchedulerRegistry) {}

  /** Starts (or replaces) the timer of a schedule. */
  set(scheduleId: number, cronExpression: string, timeZone: string, onDue: (dueAt: Date) => Promise<void>): void {
    this.clear(scheduleId);
    const job = CronJob.from({
      cronTime: cronExpression,
      timeZone,
      start: false,
      onTick: () => {
        const dueAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
        onDue(dueAt).catch((error: unknown) =>
          this.logger.error({ err: error, schedule_id: scheduleId }, `Schedule ${scheduleId} could not start its run`),
        );
      },
    });
    this.registry.addCronJob(timerName(scheduleId), job);
    job.start();
  }

  clear(scheduleId: number): void {
    const name = timerName(scheduleId);
    if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
  }

  /** Ids of the schedules that have a timer. */
  active(): number[] {
    return [...this.registry.getCronJobs().keys()].filter((name) => name.startsWith('schedule-')).map((name) => Number(name.slice(9)));
  }
}
