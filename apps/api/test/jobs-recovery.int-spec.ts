import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROCESS_MARK_VARIABLE } from '@borgitory/process-group';
import Database from 'better-sqlite3';
import { JobExecutorRegistry } from '../src/jobs/engine/job-executor-registry';
import { JobsService } from '../src/jobs/jobs.service';
import { jobProcessMark } from '../src/jobs/engine/process-groups';
import { directoryIdentity } from '../src/platform/data-dir/data-directory';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { waitForFinish } from './support/job-client';
import {
  asExecutor,
  enqueueStandIn,
  registerStandIn,
  RunRecord,
  signalGroup,
  SleepingExecutor,
  spawnNamed,
  waitUntil,
} from './support/job-executors';
import { isAlive } from '@borgitory/borg-runner/testing';
import { setupAdmin, startTestApp } from './support/test-app';

const INTERRUPTED = { code: 'JOB_INTERRUPTED', message: 'Borgitory stopped while this job was running' };

function openDatabase(dataDir: string): Database.Database {
  return new Database(join(dataDir, DATABASE_FILE));
}

describe('jobs across a restart', () => {
  it('on shutdown, aborts running jobs, records them as interrupted and leaves no process behind', async () => {
    const testApp = await startTestApp();
    try {
      const sleeper = new SleepingExecutor('check');
      registerStandIn(testApp.app.get(JobExecutorRegistry), sleeper);
      const jobs = testApp.app.get(JobsService);
      const job = await enqueueStandIn(jobs, { type: 'check', repositoryId: 1, parameters: { until_cancelled: true } });
      await waitUntil(() => sleeper.pids.has(job.id));
      const pid = sleeper.pids.get(job.id) as number;

      await testApp.close({ keepData: true });
      expect(isAlive(pid)).toBe(false);
      const db = openDatabase(testApp.dataDir);
      try {
        const row = db.prepare('SELECT status, error_code, error_message, finished_at IS NOT NULL AS finished FROM jobs WHERE id = ?');
        expect(row.get(job.id)).toEqual({
          status: 'interrupted',
          error_code: INTERRUPTED.code,
          error_message: INTERRUPTED.message,
          finished: 1,
        });
        expect(db.prepare('SELECT status FROM job_steps WHERE job_id = ?').all(job.id)).toEqual([{ status: 'interrupted' }]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(testApp.dataDir, { recursive: true, force: true });
    }
  });

  it('after a crash, interrupts what was running, ends its orphaned borg (not one it did not start), and runs the queue again in order', async () => {
    const first = await startTestApp();
    await first.close({ keepData: true });
    const { dataDir } = first;

    const db = openDatabase(dataDir);
    const insertJob = db.prepare(
      `INSERT INTO jobs (type, status, repository_id, parameters, "trigger", created_at, started_at, warnings)
       VALUES ('check', ?, ?, ?, 'manual', '2026-11-26 19:00:00.000', ?, '[]')`,
    );
    const insertStep = db.prepare(`INSERT INTO job_steps (job_id, position, type, status) VALUES (?, 1, 'check', ?)`);
    const add = (status: string, repositoryId: number, parameters: object) => {
      const startedAt = status === 'running' ? '2026-11-26 19:00:01.000' : null;
      const id = Number(insertJob.run(status, repositoryId, JSON.stringify(parameters), startedAt).lastInsertRowid);
      insertStep.run(id, status === 'running' ? 'running' : 'pending');
      return id;
    };
    const crashed = add('running', 1, {});
    const crashedWithoutBorg = add('running', 2, {});
    // The crashed job's borg carries its mark; the other job recorded a pid that something else (a borg too) now has.
    const mark = jobProcessMark(directoryIdentity(realpathSync(dataDir)), crashed);
    const orphanedBorg = spawnNamed('borg-fake', 60, { [PROCESS_MARK_VARIABLE]: mark });
    const unrelatedBorg = spawnNamed('borg-unrelated', 60, {
      [PROCESS_MARK_VARIABLE]: jobProcessMark('another-installation', crashedWithoutBorg),
    });
    const borgPid = orphanedBorg.pid as number;
    const otherPid = unrelatedBorg.pid as number;
    await waitUntil(() => [borgPid, otherPid].every((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('borg-')));
    const recordGroup = db.prepare('UPDATE jobs SET process_group_id = ? WHERE id = ?');
    recordGroup.run(borgPid, crashed);
    recordGroup.run(otherPid, crashedWithoutBorg);
    const queued = [9, 9, 10].map((repositoryId) => add('queued', repositoryId, { duration_ms: 100 }));
    db.close();

    // The queue starts while the app boots, before a test could register anything:
    // stand in for an executor that a feature module registers in onModuleInit.
    const sleeper = new SleepingExecutor('check');
    const lookup = jest
      .spyOn(JobExecutorRegistry.prototype, 'get')
      .mockImplementation((type) => (type === 'check' ? asExecutor(sleeper) : undefined));
    const second = await startTestApp({ dataDir });
    try {
      expect(isAlive(borgPid)).toBe(false);
      expect(isAlive(otherPid)).toBe(true);

      const agent = await setupAdmin(second);
      for (const id of [crashed, crashedWithoutBorg]) {
        const job = (await agent.get(`/api/jobs/${id}`).expect(200)).body.data;
        expect(job).toMatchObject({ status: 'interrupted', error: INTERRUPTED, steps: [{ status: 'interrupted', error: null }] });
        expect(job.finished_at).not.toBeNull();
      }
      const log = (await agent.get(`/api/jobs/${crashed}/logs`).expect(200)).body.data;
      expect(log.lines).toEqual([expect.objectContaining({ level: 'error', message: INTERRUPTED.message })]);

      for (const id of queued) expect((await waitForFinish(agent, id)).status).toBe('completed');
      const runOf = (id: number) => sleeper.runs.find((run) => run.jobId === id) as RunRecord;
      expect(runOf(queued[1]).start).toBeGreaterThanOrEqual(runOf(queued[0]).end);
      expect(runOf(queued[2]).start).toBeLessThan(runOf(queued[0]).end);
    } finally {
      lookup.mockRestore();
      signalGroup(otherPid, 'SIGKILL');
      signalGroup(borgPid, 'SIGKILL');
      await second.close();
    }
  });
});
