import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobDto } from '../jobs/dto/job.dto';
import { JobTrigger } from '@borgitory/job-states';
import { JobsService } from '../jobs/jobs.service';
import { CloudSyncConfigsService } from '../cloud-sync/cloud-sync-configs.service';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { EventStream } from '../platform/events/event-stream';
import { HostsService } from '../hosts/hosts.service';
import { RepositoriesService } from '../repositories/repositories.service';
import { CheckPoliciesService } from './checks/check-policies.service';
import { nextRuns, parseCron } from './cron/cron-schedule';
import { PruningPoliciesService } from './pruning/pruning-policies.service';
import { planScheduleRun } from './schedule-run-plan';
import { ScheduleEntity } from './schedule.entity';
import { ScheduleTimers } from './schedule-timers';

/**
 * Starts the runs of schedules: when they come due (a timer per enabled schedule, set at start-up and on every
 * change), when a user says "run now", and once at start-up for a schedule with catch_up that missed a run.
 */
@Injectable()
export class ScheduleRuns implements OnApplicationBootstrap {
  private readonly logger = new Logger('Schedules');

  constructor(
    @InjectRepository(ScheduleEntity) private readonly schedules: Repository<ScheduleEntity>,
    private readonly jobs: JobsService,
    private readonly pruning: PruningPoliciesService,
    private readonly checks: CheckPoliciesService,
    private readonly cloudSyncConfigs: CloudSyncConfigsService,
    private readonly timers: ScheduleTimers,
    private readonly repositories: RepositoriesService,
    private readonly hosts: HostsService,
    private readonly events: EventStream,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs after the jobs module's crash recovery (this module imports it), so active runs are known. A schedule whose
   * timer cannot be set is disabled rather than stopping the server.
   */
  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    for (const stored of await this.schedules.findBy({ enabled: true })) {
      const schedule = await this.disableIfUnusable(stored);
      if (!schedule.enabled) continue;
      const missed = schedule.catchUp ? missedRun(schedule, now) : null;
      if (missed) await this.due(schedule.id, missed, true);
      await this.markHandled(schedule, now);
      await this.watch(schedule);
    }
  }

  /** Sets the schedule's timer as it is now: running when enabled, gone when not (or when it cannot be set). */
  async watch(stored: ScheduleEntity): Promise<ScheduleEntity> {
    const schedule = await this.disableIfUnusable(stored);
    if (!schedule.enabled) {
      this.timers.clear(schedule.id);
      return schedule;
    }
    this.timers.set(schedule.id, schedule.cronExpression, schedule.timezone, (dueAt) => this.due(schedule.id, dueAt).then(() => undefined));
    return schedule;
  }

  /**
   * An enabled schedule whose timer cannot be set (an expression that never fires or a zone that is gone, stored by an
   * older version or edited by hand) is disabled, with the reason stored for the user to read. Checked wherever a next
   * run is worked out, so one such schedule never makes the list, or the server's start, fail.
   */
  async disableIfUnusable(schedule: ScheduleEntity): Promise<ScheduleEntity> {
    if (!schedule.enabled) return schedule;
    const cron = parseCron(schedule.cronExpression, schedule.timezone);
    if (cron.ok) return schedule;
    const what = cron.field === 'timezone' ? `time zone "${schedule.timezone}"` : `cron expression "${schedule.cronExpression}"`;
    const reason = `The ${what} cannot be used (${cron.reason})`;
    await this.schedules.update({ id: schedule.id }, { enabled: false, disabledReason: reason, updatedAt: schedule.updatedAt });
    this.timers.clear(schedule.id);
    this.logger.warn({ schedule_id: schedule.id }, `Schedule "${schedule.name}": ${reason}`);
    return Object.assign(schedule, { enabled: false, disabledReason: reason });
  }

  unwatch(scheduleId: number): void {
    this.timers.clear(scheduleId);
  }

  /** The run of a schedule that is queued or running, if any. */
  activeRun(scheduleId: number): Promise<JobDto | null> {
    return this.jobs.activeOfSchedule(scheduleId);
  }

  /** One job with the run's steps, by the policies (and the host's name) as they are now. */
  async start(schedule: ScheduleEntity, trigger: JobTrigger, note?: string): Promise<JobDto> {
    const host = schedule.hostId === null ? null : await this.hosts.find(schedule.hostId);
    const prune = schedule.pruningPolicyId === null ? null : await this.pruning.parametersFor(schedule.pruningPolicyId);
    const check = schedule.checkPolicyId === null ? null : await this.checks.parametersFor(schedule.checkPolicyId);
    const cloud = schedule.cloudSyncConfigId === null ? null : await this.cloudSyncConfigs.find(schedule.cloudSyncConfigId);
    const cloudSync = cloud ? { cloud_sync_config_id: cloud.id, config_name: cloud.name } : null;
    const plan = planScheduleRun(schedule, { host, prune, check, cloudSync });
    return this.jobs.enqueue({
      type: 'backup',
      repositoryId: schedule.repositoryId,
      scheduleId: schedule.id,
      parameters: plan.parameters,
      steps: plan.steps,
      trigger,
      note,
    });
  }

  /**
   * A run came due, or (missed) came due while the server was down. A schedule whose previous run is still queued or
   * running does not get a second one: the skip is written to that run's log and to the server log, and published as
   * schedule.skipped.
   */
  async due(scheduleId: number, dueAt: Date, missed = false): Promise<JobDto | null> {
    const schedule = await this.schedules.findOneBy({ id: scheduleId });
    if (!schedule || !schedule.enabled) return null;
    await this.markHandled(schedule, dueAt);
    const which = `the run of schedule "${schedule.name}" ${missed ? 'missed while Borgitory was down (due' : '(due'} at ${dueAt.toISOString()})`;
    const active = await this.activeRun(scheduleId);
    if (active) {
      const message = `Skipped ${which}: job ${active.id}, an earlier run, is still ${active.status}`;
      this.logger.warn({ schedule_id: scheduleId, job_id: active.id }, message);
      await this.jobs.note(active.id, 'warning', message);
      await this.publishSkipped(schedule, active, dueAt);
      return null;
    }
    const job = await this.start(schedule, 'schedule', missed ? `Catching up ${which}` : `Started for ${which}`);
    this.logger.log({ schedule_id: scheduleId, job_id: job.id }, `Started job ${job.id} for ${which}`);
    return job;
  }

  private async publishSkipped(schedule: ScheduleEntity, running: JobDto, dueAt: Date): Promise<void> {
    const repository = await this.repositories.get(schedule.repositoryId);
    this.events.publish('schedule.skipped', {
      summary: `Schedule "${schedule.name}" skipped its run due at ${dueAt.toISOString()} on repository "${repository.name}": its previous run (job ${running.id}) is still ${running.status}`,
      repository: { id: repository.id, name: repository.name },
      schedule: { id: schedule.id, name: schedule.name },
      job: { id: running.id, type: running.type, status: running.status, url: `${this.config.publicUrl}/jobs/${running.id}` },
      error: null,
      figures: { due_at: dueAt.toISOString(), running_job_id: running.id, running_since: running.started_at ?? running.created_at },
    });
  }

  /** updated_at is given as it is, or TypeORM would set it: it says when a user last changed the schedule. */
  private async markHandled(schedule: ScheduleEntity, until: Date): Promise<void> {
    await this.schedules.update({ id: schedule.id }, { handledUntil: until, updatedAt: schedule.updatedAt });
  }
}

/** The first time a run came due after the schedule's handled_until, when that was not after now; otherwise null. */
function missedRun(schedule: ScheduleEntity, now: Date): Date | null {
  const cron = parseCron(schedule.cronExpression, schedule.timezone);
  if (!cron.ok) return null;
  const [first] = nextRuns(cron.cron, schedule.timezone, 1, schedule.handledUntil);
  return first && new Date(first) <= now ? new Date(first) : null;
}
