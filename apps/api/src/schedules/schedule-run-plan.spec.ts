import { CheckParametersDto } from '../jobs/contract/check-job';
import { PruneParametersDto } from '../jobs/contract/prune-job';
import { ScheduleHook } from './hooks/schedule-hook';
import { planScheduleRun } from './schedule-run-plan';
import { ScheduleEntity } from './schedule.entity';

const hook = (name: string, runOnFailure = false): ScheduleHook => ({
  name,
  command: ['true'],
  shell: false,
  timeout_seconds: 60,
  critical: false,
  run_on_failure: runOnFailure,
  env: {},
});

function schedule(overrides: Partial<ScheduleEntity> = {}): ScheduleEntity {
  return Object.assign(new ScheduleEntity(), {
    id: 4,
    name: 'Nightly',
    repositoryId: 2,
    sourcePaths: ['/srv/data'],
    archiveName: 'nightly-{now}',
    compression: 'zstd,3',
    excludePatterns: ['*.tmp'],
    oneFileSystem: true,
    preHooks: [],
    postHooks: [],
    ...overrides,
  });
}

const prune: PruneParametersDto = {
  pruning_policy_id: 1,
  policy_name: 'Keep 7',
  rules: { keep_daily: 7 },
  compact_after: true,
  dry_run: false,
};
const check: CheckParametersDto = { check_policy_id: 3, policy_name: 'Quick', options: { repository_only: true }, repair: false };

describe('the plan of a scheduled run', () => {
  it('orders pre-hooks, backup, prune, compact, check, cloud sync and post-hooks', () => {
    const plan = planScheduleRun(schedule({ preHooks: [hook('stop app')], postHooks: [hook('start app', true), hook('notify')] }), {
      host: null,
      prune,
      check,
      cloudSync: { cloud_sync_config_id: 9, config_name: 'Offsite' },
    });
    expect(plan.steps.map((step) => `${step.type}${step.runOnFailure ? ' (on failure too)' : ''}`)).toEqual([
      'hook',
      'backup',
      'prune',
      'compact',
      'check',
      'cloud_sync',
      'hook (on failure too)',
      'hook',
    ]);
    expect(plan.steps[0].parameters).toMatchObject({ phase: 'pre', name: 'stop app', schedule_id: 4, schedule_name: 'Nightly' });
    expect(plan.steps[5].parameters).toEqual({ cloud_sync_config_id: 9, config_name: 'Offsite' });
    expect(plan.steps[6].parameters).toMatchObject({ phase: 'post', name: 'start app', run_on_failure: true });
    expect(plan.steps[1].parameters).toBeUndefined();
    expect(plan.steps[2].parameters).toEqual(prune);
    expect(plan.steps[4].parameters).toEqual(check);
  });

  it('gives the job the backup as the schedule says, never a dry run', () => {
    expect(planScheduleRun(schedule(), { host: null, prune: null, check: null, cloudSync: null })).toEqual({
      parameters: {
        source_paths: ['/srv/data'],
        archive_name: 'nightly-{now}',
        compression: 'zstd,3',
        exclude_patterns: ['*.tmp'],
        one_file_system: true,
        dry_run: false,
        comment: null,
        schedule_id: 4,
        schedule_name: 'Nightly',
      },
      steps: [{ type: 'backup' }],
    });
  });

  it("backs up the schedule's host in pull mode, as a manual backup of it does", () => {
    const plan = planScheduleRun(schedule({ hostId: 7 }), { host: { id: 7, name: 'nas' }, prune, check: null, cloudSync: null });
    expect(plan.parameters).toMatchObject({ source_paths: ['/srv/data'], host_id: 7, host_name: 'nas', schedule_id: 4 });
    expect(plan.steps.map((step) => step.type)).toEqual(['backup', 'prune', 'compact']);
  });

  it('compacts only when the pruning policy says so', () => {
    const steps = planScheduleRun(schedule(), {
      host: null,
      prune: { ...prune, compact_after: false },
      check: null,
      cloudSync: null,
    }).steps;
    expect(steps.map((step) => step.type)).toEqual(['backup', 'prune']);
  });
});
