import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupCarriesMark, markOf, PROCESS_MARK_VARIABLE, processMarkInEffect, withProcessMark } from './marks';
import { killGroup, spawnGroup, type GroupProcess } from './process';
import { liveMembersOf } from './proc';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await delay(20);
  }
}

describe('process marks', () => {
  let dir: string;
  const started: number[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'process-group-marks-'))));
  afterEach(() => {
    for (const pgid of started.splice(0)) killGroup(pgid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** A script that leaves `sleep` running in its group (in the background) and exits once `$0.go` exists. */
  function spawnLeavingSleep(): GroupProcess {
    const bin = join(dir, 'script');
    writeFileSync(
      bin,
      `#!/bin/sh\nsleep 30 &\necho "$${PROCESS_MARK_VARIABLE}" > "$0.seen"\nwhile [ ! -e "$0.go" ]; do sleep 0.02; done\n`,
    );
    chmodSync(bin, 0o755);
    const child = spawnGroup({
      bin,
      args: [],
      env: { PATH: process.env['PATH'] ?? '' },
      stdout: 'ignore',
      onStderr: () => undefined,
      killGraceMs: 100,
    });
    started.push(child.pid as number);
    return child;
  }

  it('puts the mark of the work in effect, across awaits, into the environment of the group it spawns', async () => {
    const child = await withProcessMark('instance-1/job/7', async () => {
      await delay(5);
      expect(processMarkInEffect()).toBe('instance-1/job/7');
      return spawnLeavingSleep();
    });
    const pgid = child.pid as number;
    await waitFor(() => liveMembersOf(pgid).length === 2);
    expect(readFileSync(join(dir, 'script.seen'), 'utf8').trim()).toBe('instance-1/job/7');
    expect(markOf(pgid)).toBe('instance-1/job/7');
    expect(groupCarriesMark(pgid, 'instance-1/job/7')).toBe(true);
    expect(groupCarriesMark(pgid, 'instance-1/job/70')).toBe(false);
    expect(groupCarriesMark(pgid, 'instance-2/job/7')).toBe(false);

    // The leader exits; what it left in the group still carries the mark.
    writeFileSync(join(dir, 'script.go'), '');
    await waitFor(() => liveMembersOf(pgid).length === 1);
    expect(liveMembersOf(pgid)).not.toContain(pgid);
    expect(groupCarriesMark(pgid, 'instance-1/job/7')).toBe(true);
  });

  it('marks nothing outside such work', async () => {
    expect(processMarkInEffect()).toBeUndefined();
    const child = spawnLeavingSleep();
    await waitFor(() => liveMembersOf(child.pid as number).length === 2);
    expect(readFileSync(join(dir, 'script.seen'), 'utf8').trim()).toBe('');
    expect(markOf(child.pid as number)).toBeNull();
    expect(groupCarriesMark(child.pid as number, '')).toBe(false);
  });

  it('does not take a group started elsewhere for a marked one', async () => {
    const other = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    started.push(other.pid as number);
    await waitFor(() => liveMembersOf(other.pid as number).length === 1);
    expect(groupCarriesMark(other.pid as number, 'instance-1/job/7')).toBe(false);
    expect(groupCarriesMark(999_999_999, 'instance-1/job/7')).toBe(false);
  });
});
