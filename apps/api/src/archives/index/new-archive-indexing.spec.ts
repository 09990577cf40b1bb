import type { Repository } from 'typeorm';
import type { IdleTask } from '../../jobs/engine/job-queue';
import type { JobsService } from '../../jobs/jobs.service';
import type { ArchiveEntity } from '../archive.entity';
import { ArchiveSettings } from '../archive-settings';
import type { ArchiveIndexes } from './archive-indexes';
import { NewArchiveIndexing } from './new-archive-indexing';

describe('NewArchiveIndexing', () => {
  let tasks: Array<{ repositoryId: number; task: IdleTask; kind?: string }>;
  let built: string[];
  let abortNext: boolean;
  let indexing: NewArchiveIndexing;
  let settings: ArchiveSettings;
  /** The controller of the idle task that runs: a job arriving aborts it. */
  let running: AbortController;

  beforeEach(() => {
    tasks = [];
    built = [];
    abortNext = false;
    settings = new ArchiveSettings();
    const archives = { findOneBy: jest.fn(async ({ name }: { name: string }) => ({ id: 1, name }) as ArchiveEntity) };
    const indexes = {
      buildUnlessAborted: jest.fn(async (archive: ArchiveEntity) => {
        if (abortNext) {
          abortNext = false;
          running.abort();
          return;
        }
        built.push(archive.name);
      }),
    };
    const jobs = {
      runWhenIdle: jest.fn((repositoryId: number, task: IdleTask, kind?: string) => tasks.push({ repositoryId, task, kind })),
    };
    indexing = new NewArchiveIndexing(
      archives as unknown as Repository<ArchiveEntity>,
      indexes as unknown as ArchiveIndexes,
      jobs as unknown as JobsService,
      settings,
    );
  });

  /** Runs the idle task queued last, as the queue would. */
  async function runNext(): Promise<void> {
    const next = tasks.pop();
    if (!next) throw new Error('No idle task is queued');
    running = new AbortController();
    await next.task(running.signal);
  }

  it('indexes the archives of backups newest first, one per idle task of its own kind', async () => {
    indexing.schedule(7, 'monday');
    indexing.schedule(7, 'tuesday');
    expect(tasks.map((t) => [t.repositoryId, t.kind])).toEqual([
      [7, 'archive-index'],
      [7, 'archive-index'],
    ]);
    tasks.splice(0, 1); // the queue keeps one task of a kind: the newer replaced the older
    await runNext();
    expect(built).toEqual(['tuesday']);
    await runNext();
    expect(built).toEqual(['tuesday', 'monday']);
    expect(tasks).toEqual([]);
  });

  it('keeps the archive when a job stops the build: the task runs again after the job', async () => {
    indexing.schedule(7, 'monday');
    abortNext = true;
    const { task } = tasks[0];
    await runNext();
    expect(built).toEqual([]);
    tasks.push({ repositoryId: 7, task }); // the queue puts an aborted task back
    await runNext();
    expect(built).toEqual(['monday']);
  });

  it('does nothing when background indexing is off', () => {
    settings.indexNewArchives = false;
    indexing.schedule(7, 'monday');
    expect(tasks).toEqual([]);
  });
});
