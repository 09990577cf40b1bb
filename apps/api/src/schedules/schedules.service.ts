import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { BackupsService } from '../backups/backups.service';
import { CloudSyncService } from '../cloud-sync/cloud-sync.service';
import { JobDto } from '../jobs/dto/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { ExpectationChanges } from '../repositories/monitoring/expectation-changes';
import { saveNamed } from '../platform/database/save-unique';
import { mergeUpdate } from '../platform/http/partial-update';
import { DomainError } from '../platform/errors/domain-error';
import { Page } from '../platform/http/envelope';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { readListPage } from '../platform/filtering/apply-list-query';
import { SCHEDULE_LIST, ScheduleListQueryDto } from './dto/schedule-list-query.dto';
import { eachOutcome } from '../platform/bulk/bulk-outcomes';
import { BulkResultDto } from '../platform/bulk/bulk-result.dto';
import { CheckPoliciesService } from './checks/check-policies.service';
import { parseCron, serverTimeZone } from './cron/cron-schedule';
import { ScheduleDto, ScheduleInputDto, ScheduleUpdateDto } from './dto/schedule.dto';
import { ScheduleBulkAction } from './dto/schedule-bulk.dto';
import { PruningPoliciesService } from './pruning/pruning-policies.service';
import { toScheduleDto } from './schedule-dto.mapper';
import { toScheduleHook } from './schedule-hook.mapper';
import { ScheduleRuns } from './schedule-runs';
import { ScheduleEntity } from './schedule.entity';
import { grants, Role } from '../auth/roles/roles';

@Injectable()
export class SchedulesService {
  constructor(
    @InjectRepository(ScheduleEntity) private readonly schedules: Repository<ScheduleEntity>,
    private readonly backups: BackupsService,
    private readonly pruning: PruningPoliciesService,
    private readonly checks: CheckPoliciesService,
    private readonly cloudSync: CloudSyncService,
    private readonly jobs: JobsService,
    private readonly runs: ScheduleRuns,
    private readonly expectations: ExpectationChanges,
  ) {}

  async list(query: ScheduleListQueryDto): Promise<Page<ScheduleDto>> {
    const [stored, total] = await readListPage(this.schedules.createQueryBuilder('schedule'), SCHEDULE_LIST, query);
    const rows: ScheduleEntity[] = [];
    for (const row of stored) rows.push(await this.runs.disableIfUnusable(row));
    const lastRuns = await this.jobs.latestOfSchedules(rows.map((row) => row.id));
    return new Page(
      rows.map((row) => toScheduleDto(row, lastRuns.get(row.id) ?? null)),
      { total, limit: query.limit, offset: query.offset },
    );
  }

  /** The schedules of each repository given, in the list's order, in two queries whatever their number. */
  async ofRepositories(repositoryIds: readonly number[]): Promise<Map<number, ScheduleDto[]>> {
    const byRepository = new Map<number, ScheduleDto[]>(repositoryIds.map((id) => [id, []]));
    if (repositoryIds.length === 0) return byRepository;
    const stored = await this.schedules.find({ where: { repositoryId: In([...repositoryIds]) }, order: { name: 'ASC', id: 'ASC' } });
    const rows: ScheduleEntity[] = [];
    for (const row of stored) rows.push(await this.runs.disableIfUnusable(row));
    const lastRuns = await this.jobs.latestOfSchedules(rows.map((row) => row.id));
    for (const row of rows) byRepository.get(row.repositoryId)?.push(toScheduleDto(row, lastRuns.get(row.id) ?? null));
    return byRepository;
  }

  async get(id: number): Promise<ScheduleDto> {
    return this.toDto(await this.runs.disableIfUnusable(await this.find(id)));
  }

  async create(input: ScheduleInputDto, actor: Role): Promise<ScheduleDto> {
    const columns = await this.columns(input);
    assertMaySetHooks(actor, { preHooks: [], postHooks: [] }, columns);
    const schedule = await this.save(this.schedules.create({ ...columns, activeSince: new Date() }));
    return this.saved(schedule);
  }

  /** Runs due before a change of times, or before the schedule was switched on, no longer say an archive is expected. */
  async update(id: number, changes: ScheduleUpdateDto, actor: Role): Promise<ScheduleDto> {
    const schedule = await this.find(id);
    const input = await mergeUpdate(ScheduleInputDto, toScheduleDto(schedule, null), changes, {
      alternatives: [['source_path', 'source_paths']],
    });
    const repositoryBefore = schedule.repositoryId;
    const columns = await this.columns(input);
    assertMaySetHooks(actor, schedule, columns);
    const restarted =
      (columns.enabled && !schedule.enabled) ||
      columns.cronExpression !== schedule.cronExpression ||
      columns.timezone !== schedule.timezone ||
      columns.repositoryId !== schedule.repositoryId;
    const saved = await this.save(Object.assign(schedule, columns, restarted ? { activeSince: new Date() } : {}));
    if (repositoryBefore !== saved.repositoryId) await this.expectations.changed(repositoryBefore);
    return this.saved(saved);
  }

  async remove(id: number): Promise<void> {
    const schedule = await this.find(id);
    await this.schedules.delete({ id });
    this.runs.unwatch(id);
    await this.expectations.changed(schedule.repositoryId);
  }

  /** Enables a disabled schedule and disables an enabled one; its timer follows at once. One that cannot run stays off (422). */
  async toggle(id: number): Promise<ScheduleDto> {
    const schedule = await this.find(id);
    return this.switchTo(schedule, !schedule.enabled);
  }

  /** Enables or disables a schedule; one that already is so stays as it is. */
  async setEnabled(id: number, enabled: boolean): Promise<ScheduleDto> {
    const schedule = await this.find(id);
    return schedule.enabled === enabled ? this.toDto(schedule) : this.switchTo(schedule, enabled);
  }

  /** Enables, disables, runs or deletes each schedule on its own, as the single-schedule operations do. */
  bulk(action: ScheduleBulkAction, ids: number[]): Promise<BulkResultDto> {
    const actions: Record<ScheduleBulkAction, (id: number) => Promise<unknown>> = {
      enable: (id) => this.setEnabled(id, true),
      disable: (id) => this.setEnabled(id, false),
      run: (id) => this.runNow(id),
      delete: (id) => this.remove(id),
    };
    return eachOutcome(ids, actions[action]);
  }

  private async switchTo(schedule: ScheduleEntity, enabled: boolean): Promise<ScheduleDto> {
    if (enabled) {
      const cron = parseCron(schedule.cronExpression, schedule.timezone);
      if (!cron.ok) {
        const what = cron.field === 'timezone' ? 'time zone' : 'cron expression';
        throw DomainError.validation(`Schedule "${schedule.name}" cannot be switched on until its ${what} is changed (${cron.reason})`, {
          [cron.field]: [cron.reason],
        });
      }
    }
    const now = new Date();
    const saved = await this.schedules.save(
      Object.assign(schedule, {
        enabled,
        disabledReason: null,
        handledUntil: now,
        activeSince: schedule.enabled ? schedule.activeSince : now,
      }),
    );
    return this.saved(saved);
  }

  /** A run now, enabled or not; refused while an earlier run is queued or running. */
  async runNow(id: number): Promise<JobDto> {
    const schedule = await this.find(id);
    const active = await this.runs.activeRun(id);
    if (active) {
      throw DomainError.conflict(`Schedule "${schedule.name}" is already running (job ${active.id} is ${active.status})`, {
        job_id: active.id,
      });
    }
    return this.runs.start(schedule, 'manual', 'Started by hand ("Run now")');
  }

  async runsOf(id: number, query: PageQueryDto): Promise<Page<JobDto>> {
    await this.find(id);
    return this.jobs.list({ schedule_id: [id], limit: query.limit, offset: query.offset });
  }

  /** A repository that is forgotten takes its schedules with it. */
  async forgetRepository(repositoryId: number): Promise<void> {
    const gone = await this.schedules.findBy({ repositoryId });
    await this.schedules.delete({ repositoryId });
    for (const schedule of gone) this.runs.unwatch(schedule.id);
  }

  /** "schedule "Nightly"" for each schedule that copies off-site with the configuration. */
  async namesUsingCloudSync(configId: number): Promise<string[]> {
    const users = await this.schedules.find({ where: { cloudSyncConfigId: configId }, order: { name: 'ASC' } });
    return users.map((schedule) => `schedule "${schedule.name}"`);
  }

  /** "schedule "Nightly"" for each schedule that backs up the host. */
  async namesUsingHost(hostId: number): Promise<string[]> {
    const users = await this.schedules.find({ where: { hostId }, order: { name: 'ASC' } });
    return users.map((schedule) => `schedule "${schedule.name}"`);
  }

  /** Its timer follows the saved schedule at once, and its repository's expectation is worked out again. */
  private async saved(schedule: ScheduleEntity): Promise<ScheduleDto> {
    const watched = await this.runs.watch(schedule);
    await this.expectations.changed(schedule.repositoryId);
    return this.toDto(watched);
  }

  private async toDto(schedule: ScheduleEntity): Promise<ScheduleDto> {
    const lastRuns = await this.jobs.latestOfSchedules([schedule.id]);
    return toScheduleDto(schedule, lastRuns.get(schedule.id) ?? null);
  }

  /** Everything a request can get wrong is a 422 naming the field, before anything is saved. */
  private async columns(input: ScheduleInputDto): Promise<Partial<ScheduleEntity>> {
    const host = input.host_id == null ? null : await this.backups.requestedHost(input.host_id);
    const { parameters, problems } = await this.backups.plan(input, input.repository_id, { dry_run: false, comment: null }, host);
    const timezone = input.timezone || serverTimeZone();
    const cron = parseCron(input.cron_expression, timezone);
    if (!cron.ok) problems[cron.field] = [cron.reason];
    if (input.pruning_policy_id != null && !(await this.pruning.parametersFor(input.pruning_policy_id))) {
      problems['pruning_policy_id'] = [`Pruning policy ${input.pruning_policy_id} does not exist`];
    }
    if (input.check_policy_id != null && !(await this.checks.parametersFor(input.check_policy_id))) {
      problems['check_policy_id'] = [`Check policy ${input.check_policy_id} does not exist`];
    }
    if (input.cloud_sync_config_id != null && !problems['repository_id']) {
      const cloud = await this.cloudSync.problems(input.repository_id, input.cloud_sync_config_id);
      const said = [...(cloud['cloud_sync_config_id'] ?? []), ...(cloud['repository_id'] ?? [])];
      if (said.length > 0) problems['cloud_sync_config_id'] = said;
    }
    if (Object.keys(problems).length > 0) throw DomainError.invalidInput(problems);
    return {
      name: input.name,
      repositoryId: input.repository_id,
      hostId: host?.id ?? null,
      sourcePaths: parameters.source_paths,
      archiveName: parameters.archive_name,
      compression: parameters.compression,
      excludePatterns: parameters.exclude_patterns,
      oneFileSystem: parameters.one_file_system,
      cronExpression: input.cron_expression.trim().split(/\s+/).join(' '),
      timezone,
      enabled: input.enabled ?? true,
      disabledReason: null,
      pruningPolicyId: input.pruning_policy_id ?? null,
      checkPolicyId: input.check_policy_id ?? null,
      cloudSyncConfigId: input.cloud_sync_config_id ?? null,
      preHooks: (input.pre_hooks ?? []).map(toScheduleHook),
      postHooks: (input.post_hooks ?? []).map(toScheduleHook),
      catchUp: input.catch_up ?? false,
      // While the server runs nothing is missed, so a change starts the count afresh.
      handledUntil: new Date(),
    };
  }

  private async find(id: number): Promise<ScheduleEntity> {
    const schedule = await this.schedules.findOneBy({ id });
    if (!schedule) throw DomainError.notFound(`Schedule ${id} does not exist`);
    return schedule;
  }

  private save(schedule: ScheduleEntity): Promise<ScheduleEntity> {
    return saveNamed(this.schedules, schedule, 'schedule');
  }
}

/** Hooks run shell commands as the server's user: only an admin may add, change or remove them. */
function assertMaySetHooks(actor: Role, before: Partial<ScheduleEntity>, after: Partial<ScheduleEntity>): void {
  if (grants(actor, 'admin')) return;
  const hooks = (schedule: Partial<ScheduleEntity>) => JSON.stringify([schedule.preHooks ?? [], schedule.postHooks ?? []]);
  const same = hooks(before) === hooks(after);
  if (!same) throw DomainError.forbidden('Only an admin may set hooks: they run shell commands as the server’s user');
}
