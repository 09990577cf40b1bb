import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const PREFIX = 'apprise-';

/**
 * Runs `work` with a fresh directory of its own (mode 0700, made by mkdtemp) inside workDir, which is created 0700 if
 * missing; the directory and all in it are removed afterwards, whether work succeeds, fails or is aborted.
 */
export async function withCallDir<T>(workDir: string, work: (dir: string) => Promise<T>): Promise<T> {
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(workDir, PREFIX));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Removes every call directory in workDir (what a process killed mid-call left); how many there were. */
export async function removeCallDirs(workDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(workDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const left = names.filter((name) => name.startsWith(PREFIX));
  await Promise.all(left.map((name) => rm(join(workDir, name), { recursive: true, force: true })));
  return left.length;
}
