import { Logger } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobSettings } from './job-settings';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('JobQueue idle tasks', () => {
  let jobs: Map<number, Deferred>;
  let runner: { run: jest.Mock };
  let queue: JobQueue;
  let log: string[];
  let logged: jest.SpyInstance;

  /** An idle task that records its starts and ends; each run ends when finish() is called or when it is aborted. */
  function idleTask(name: string) {
    let run = deferred();
    const signals: AbortSignal[] = [];
    const task = jest.fn(async (signal: AbortSignal) => {
      run = deferred();
      const ended = run.promise;
      signals.push(signal);
      log.push(`${name} start`);
      signal.addEventListener('abort', () => run.resolve());
      await ended;
      log.push(signal.aborted ? `${name} aborted` : `${name} end`);
    });
    return { task, signals, finish: () => run.resolve() };
  }

  beforeEach(() => {
    jobs = new Map();
    log = [];
    runner = {
      run: jest.fn(async (id: number) => {
        log.push(`job ${id} start`);
        const job = deferred();
        jobs.set(id, job);
        await job.promise;
        log.push(`job ${id} end`);
      }),
    };
    queue = new JobQueue({ maxConcurrentJobs: 2 } as AppConfig, runner as unknown as JobRunner, new JobSettings());
    queue.start();
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('starts once the running job of its repository has ended, and not before', async () => {
    queue.add({ id: 1, repositoryId: 7 });
    const refresh = idleTask('refresh');
    queue.runWhenIdle(7, refresh.task);
    await settle();
    expect(refresh.task).not.toHaveBeenCalled();

    jobs.get(1)?.resolve();
    await settle();
    expect(log).toEqual(['job 1 start', 'job 1 end', 'refresh start']);
    refresh.finish();
    await settle();
    expect(log.at(-1)).toBe('refresh end');
  });

  it('yields to a job of its repository: the job aborts it, starts once it has ended, and the task runs again after the job', async () => {
    const refresh = idleTask('refresh');
    queue.runWhenIdle(7, refresh.task);
    await settle();
    expect(log).toEqual(['refresh start']);

    queue.add({ id: 2, repositoryId: 7 });
    await settle();
    expect(refresh.signals[0].aborted).toBe(true);
    expect(log).toEqual(['refresh start', 'refresh aborted', 'job 2 start']);

    jobs.get(2)?.resolve();
    await settle();
    expect(refresh.task).toHaveBeenCalledTimes(2);
    expect(log.slice(-2)).toEqual(['job 2 end', 'refresh start']);
  });

  it("stops a removed repository's idle work: the running task is aborted and awaited, and none runs again", async () => {
    const refresh = idleTask('refresh');
    const list = idleTask('list');
    const elsewhere = idleTask('elsewhere');
    queue.runWhenIdle(7, refresh.task);
    await settle();
    queue.runWhenIdle(7, list.task, 'archive-list');
    queue.runWhenIdle(8, elsewhere.task);

    await queue.stopIdleWork(7);
    expect(refresh.signals[0].aborted).toBe(true);
    expect(log).toContain('refresh aborted');
    await settle();
    expect(refresh.task).toHaveBeenCalledTimes(1);
    expect(list.task).not.toHaveBeenCalled();
    expect(elsewhere.task).toHaveBeenCalledTimes(1);
  });

  it('waits while a job of its repository is queued, but not for other repositories; a newer task replaces a waiting one', async () => {
    queue.add({ id: 1, repositoryId: 1 });
    queue.add({ id: 2, repositoryId: 2 });
    queue.add({ id: 3, repositoryId: 7 }); // over the limit of 2: waits
    const older = idleTask('older');
    const newer = idleTask('newer');
    const elsewhere = idleTask('elsewhere');
    queue.runWhenIdle(7, older.task);
    queue.runWhenIdle(7, newer.task);
    queue.runWhenIdle(8, elsewhere.task);
    await settle();
    expect(log).toEqual(['job 1 start', 'job 2 start', 'elsewhere start']);

    jobs.get(1)?.resolve();
    await settle();
    expect(log.slice(-2)).toEqual(['job 1 end', 'job 3 start']);
    jobs.get(3)?.resolve();
    await settle();
    expect(log.slice(-2)).toEqual(['job 3 end', 'newer start']);
    expect(older.task).not.toHaveBeenCalled();
  });

  it('keeps tasks of other kinds beside a waiting one and runs them one at a time', async () => {
    queue.add({ id: 1, repositoryId: 7 });
    const statistics = idleTask('statistics');
    const archives = idleTask('archives');
    queue.runWhenIdle(7, statistics.task);
    queue.runWhenIdle(7, archives.task, 'archive-list');
    await settle();
    jobs.get(1)?.resolve();
    await settle();
    expect(log).toEqual(['job 1 start', 'job 1 end', 'statistics start']);
    statistics.finish();
    await settle();
    expect(log.slice(-2)).toEqual(['statistics end', 'archives start']);
  });

  it('runs at most maxConcurrentJobs idle tasks at once, in the order they came', async () => {
    const tasks = [7, 8, 9, 10].map((repositoryId) => ({ repositoryId, ...idleTask(`repository ${repositoryId}`) }));
    for (const { repositoryId, task } of tasks) queue.runWhenIdle(repositoryId, task);
    await settle();
    expect(log).toEqual(['repository 7 start', 'repository 8 start']);
    tasks[1].finish();
    await settle();
    expect(log.slice(2)).toEqual(['repository 8 end', 'repository 9 start']);
    tasks[0].finish();
    await settle();
    expect(log.slice(4)).toEqual(['repository 7 end', 'repository 10 start']);
  });

  it('starts when the queued job it waited for is withdrawn', async () => {
    queue.add({ id: 1, repositoryId: 1 });
    queue.add({ id: 2, repositoryId: 2 });
    queue.add({ id: 3, repositoryId: 7 }); // over the limit of 2: waits
    const refresh = idleTask('refresh');
    queue.runWhenIdle(7, refresh.task);
    await settle();
    expect(refresh.task).not.toHaveBeenCalled();

    expect(queue.withdraw(3)).toBe(true);
    await settle();
    expect(log).toEqual(['job 1 start', 'job 2 start', 'refresh start']);
  });

  it('does not hold up the next job when it fails', async () => {
    const failing = jest.fn(async () => {
      throw new Error('borg is gone');
    });
    queue.runWhenIdle(7, failing);
    await settle();
    queue.add({ id: 1, repositoryId: 7 });
    await settle();
    expect(failing).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ repository_id: 7 }), 'Background work on a repository failed');
    expect(log).toEqual(['job 1 start']);
  });

  it('is aborted at shutdown and awaited, and does not run again', async () => {
    const refresh = idleTask('refresh');
    queue.runWhenIdle(7, refresh.task);
    await settle();
    await queue.beforeApplicationShutdown();
    expect(log).toEqual(['refresh start', 'refresh aborted']);
    await settle();
    expect(refresh.task).toHaveBeenCalledTimes(1);
  });
});
