import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { liveMembersOf } from './proc';

/** The environment variable that carries a child's mark. */
export const PROCESS_MARK_VARIABLE = 'BORGITORY_PROCESS_MARK';

const currentMark = new AsyncLocalStorage<string>();

/**
 * Runs `work` so that every process group spawnGroup starts from it (however deep in its calls, across awaits) has
 * the mark in its environment, which its own children inherit. A restarted server reads the mark back from /proc to
 * tell the processes it started from anything else that got the same pid.
 */
export function withProcessMark<T>(mark: string, work: () => T): T {
  return currentMark.run(mark, work);
}

/** The mark of the work that is running now, if any. */
export function processMarkInEffect(): string | undefined {
  return currentMark.getStore();
}

/**
 * Whether a live member of the process group carries exactly this mark (Linux). The leader may be gone while what
 * it started lives on, so every member is looked at. The environment of another user's process cannot be read:
 * such a process is never taken for ours.
 */
export function groupCarriesMark(pgid: number, mark: string): boolean {
  return liveMembersOf(pgid).some((pid) => markOf(pid) === mark);
}

/** The mark in a process's environment as it was started; null when it has none or cannot be read. */
export function markOf(pid: number): string | null {
  let environment: string;
  try {
    environment = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return null;
  }
  const prefix = `${PROCESS_MARK_VARIABLE}=`;
  const entry = environment.split('\0').find((variable) => variable.startsWith(prefix));
  return entry === undefined ? null : entry.slice(prefix.length);
}
