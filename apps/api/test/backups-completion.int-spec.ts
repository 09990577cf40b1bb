import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { writeTree } from '@borgitory/borg-runner/testing';
import { ArchiveSettings } from '../src/archives/archive-settings';
import { JobBody, waitForFinish } from './support/job-client';
import { writeManyFiles } from './support/source-tree';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** One borg process the server started, as the wrapper saw it (times in ms, from the wrapper's clock). */
interface Invocation {
  pid: string;
  subcommand: string;
  args: string;
  start: number;
  end: number | null;
  exitCode: number | null;
}

/**
 * BORG_BIN for the server: real borg, with each process's start and end (after borg itself has exited, also when
 * the server stops it) written to a log, and `borg list` failing while the file `failList` exists.
 */
function writeBorgWrapper(dir: string): { bin: string; log: string; failList: string } {
  const borg = execFileSync('sh', ['-c', 'command -v borg'], { encoding: 'utf8' }).trim();
  const log = join(dir, 'borg-calls.log');
  const failList = join(dir, 'fail-list');
  const bin = join(dir, 'borg');
  writeFileSync(
    bin,
    `#!/bin/sh
echo "start $$ $(date +%s%N) $*" >> '${log}'
case " $* " in
  *" list "*) if [ -e '${failList}' ]; then echo "borg list broke on purpose" >&2; echo "end $$ $(date +%s%N) 2" >> '${log}'; exit 2; fi ;;
esac
'${borg}' "$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
wait "$child"; rc=$?
while kill -0 "$child" 2>/dev/null; do wait "$child"; rc=$?; done
echo "end $$ $(date +%s%N) $rc" >> '${log}'
exit $rc
`,
  );
  chmodSync(bin, 0o755);
  return { bin, log, failList };
}

function readInvocations(log: string, repositoryPath: string): Invocation[] {
  if (!existsSync(log)) return [];
  const byPid = new Map<string, Invocation>();
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [kind, pid, time, ...rest] = line.split(' ');
    const ms = Number(BigInt(time) / 1_000_000n);
    if (kind === 'start') {
      const args = rest.join(' ');
      const subcommand = rest.find((word) => !word.startsWith('--')) ?? '';
      byPid.set(pid, { pid, subcommand, args, start: ms, end: null, exitCode: null });
    } else {
      const invocation = byPid.get(pid);
      if (invocation) Object.assign(invocation, { end: ms, exitCode: Number(rest[0]) });
    }
  }
  return [...byPid.values()].filter((invocation) => invocation.args.includes(repositoryPath));
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a backup is complete when borg create is', () => {
  let testApp: TestApp;
  let agent: Agent;
  let borgDir: string;
  let borg: { bin: string; log: string; failList: string };
  let repository: { id: number; path: string };

  beforeAll(async () => {
    borgDir = mkdtempSync(join(tmpdir(), 'borgitory-borg-wrapper-'));
    borg = writeBorgWrapper(borgDir);
    testApp = await startTestApp({ env: { BORG_BIN: borg.bin } });
    // These tests count the borg runs of a backup and of reading its figures; the new archive's index is not one.
    testApp.app.get(ArchiveSettings).indexNewArchives = false;
    agent = await setupAdmin(testApp);
    const path = join(testApp.work, 'repo');
    const created = await agent.post('/api/repositories').send({ name: 'Completion', path, encryption: 'none' }).expect(201);
    repository = { id: created.body.data.id, path };
    // The stored archive list is read from borg once; from then on backups add to it.
    expect((await agent.get(`/api/repositories/${repository.id}/archives`).expect(200)).body.meta.total).toBe(0);
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(borgDir, { recursive: true, force: true });
  });

  const repositoryBody = async () => (await agent.get(`/api/repositories/${repository.id}`).expect(200)).body.data;
  const backup = async (source: string, archiveName: string): Promise<JobBody> => {
    const started = await agent
      .post('/api/backups/manual')
      .send({ repository_id: repository.id, source_path: source, archive_name: archiveName, compression: 'lz4' })
      .expect(201);
    return started.body.data;
  };
  /** Once the server has no borg process on the repository left, what borg says now must be what is stored. */
  async function expectStoredFiguresMatchBorg(archives: number): Promise<void> {
    await eventually(
      async () => readInvocations(borg.log, repository.path).filter((invocation) => invocation.end === null).length,
      (running) => running === 0,
      'borg processes still running',
    );
    const stored = await repositoryBody();
    const live = (await agent.get(`/api/repositories/${repository.id}/info`).expect(200)).body.data;
    expect(stored).toMatchObject({
      archives_count: archives,
      original_size: live.original_size,
      compressed_size: live.compressed_size,
      deduplicated_size: live.deduplicated_size,
    });
  }

  it('runs no borg after create on the way; the archive list and figures are right at once; borg is read afterwards', async () => {
    const source = writeManyFiles(join(testApp.work, 'first-source'), 2000);
    writeFileSync(borg.log, '');
    const started = await backup(source, 'first');
    const job = await waitForFinish(agent, started.id, 60_000);
    expect(job).toMatchObject({ status: 'completed', error: null, warnings: [] });
    expect(job.result).toMatchObject({ archive_name: 'first', files: 2000 });

    // Read before anything else can change them: what the job left.
    const atCompletion = await repositoryBody();
    const list = (await agent.get(`/api/repositories/${repository.id}/archives`).expect(200)).body;
    const finishedAt = Date.parse(String(job.finished_at));
    const onTheWay = readInvocations(borg.log, repository.path).filter((invocation) => invocation.start <= finishedAt);
    expect(onTheWay.map((invocation) => invocation.subcommand)).toEqual(['create']);

    expect(atCompletion).toMatchObject({ archives_count: 1, last_archive_at: expect.any(String) });
    expect(atCompletion.original_size).toBeGreaterThan(0);
    expect(atCompletion.deduplicated_size).toBeGreaterThan(0);
    expect(Date.parse(atCompletion.stats_updated_at)).toBeLessThanOrEqual(finishedAt);
    expect(list.meta.total).toBe(1);
    expect(list.data[0]).toMatchObject({
      name: 'first',
      file_count: 2000,
      original_size: job.result?.['original_size'],
      deduplicated_size: job.result?.['deduplicated_size'],
    });

    // Then, in the background: borg list, to count the archives; create's sizes are what borg info says (checked below).
    const refreshed = await eventually(
      repositoryBody,
      (body) => Date.parse(body.stats_updated_at) > Date.parse(atCompletion.stats_updated_at),
      'statistics refreshed',
    );
    expect(refreshed).toMatchObject({
      archives_count: 1,
      original_size: atCompletion.original_size,
      compressed_size: atCompletion.compressed_size,
      deduplicated_size: atCompletion.deduplicated_size,
      last_archive_at: atCompletion.last_archive_at,
    });
    const afterwards = readInvocations(borg.log, repository.path).filter((invocation) => invocation.start > finishedAt);
    expect(afterwards.map((invocation) => invocation.subcommand)).toEqual(['list']);
    await expectStoredFiguresMatchBorg(1);
  });

  it('never lets the background reading overlap the next backup of the repository', async () => {
    const source = writeManyFiles(join(testApp.work, 'second-source'), 1500);
    const before = (await repositoryBody()).archives_count;
    writeFileSync(borg.log, '');
    const second = await waitForFinish(agent, (await backup(source, 'second')).id, 60_000);
    // The next backup comes while borg reads the repository after this one: the reading gives way to it.
    const secondFinishedAt = Date.parse(String(second.finished_at));
    await eventually(
      async () => readInvocations(borg.log, repository.path).some((call) => call.subcommand === 'list' && call.start > secondFinishedAt),
      (started) => started,
      'borg list after the second backup',
    );
    const third = await waitForFinish(agent, (await backup(source, 'third')).id, 60_000);
    expect([second.status, third.status]).toEqual(['completed', 'completed']);
    const finishedAt = Date.parse(String(third.finished_at));
    // The reading after the third backup runs to its end.
    const lastRead = await eventually(
      async () => readInvocations(borg.log, repository.path).find((call) => call.subcommand === 'list' && call.start > finishedAt),
      (call) => call?.end !== null && call?.end !== undefined,
      'borg list after the third backup',
    );
    expect(lastRead?.exitCode).toBe(0);

    const calls = readInvocations(borg.log, repository.path);
    const creates = calls.filter((call) => call.subcommand === 'create');
    expect(creates.map((call) => call.exitCode)).toEqual([0, 0]);
    for (const create of creates) {
      for (const other of calls.filter((call) => call !== create)) {
        const overlaps = other.start < Number(create.end) && create.start < Number(other.end);
        expect({ create: create.args, other: other.args, overlaps }).toMatchObject({ overlaps: false });
      }
    }
    await expectStoredFiguresMatchBorg(before + 2);
  });

  it('completes the backup when reading the repository afterwards fails, and keeps the figures from create', async () => {
    const source = writeTree(join(testApp.work, 'fourth-source'), { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const before = (await repositoryBody()).archives_count;
    writeFileSync(borg.failList, '');
    try {
      writeFileSync(borg.log, '');
      const job = await waitForFinish(agent, (await backup(source, 'fourth')).id, 60_000);
      expect(job).toMatchObject({ status: 'completed', error: null, warnings: [] });
      const atCompletion = await repositoryBody();
      expect(atCompletion.archives_count).toBe(before + 1);

      const failed = await eventually(
        async () => readInvocations(borg.log, repository.path).find((call) => call.subcommand === 'list' && call.end !== null),
        (call) => call !== undefined,
        'the failing borg list',
      );
      expect(failed?.exitCode).toBe(2);
      expect(await repositoryBody()).toEqual(atCompletion);
    } finally {
      rmSync(borg.failList, { force: true });
    }
    await expectStoredFiguresMatchBorg(before + 1);
  });
});
