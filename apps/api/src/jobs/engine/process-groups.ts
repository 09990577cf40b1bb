import { Injectable } from '@nestjs/common';
import { groupCarriesMark, killGroup, liveMembersOf, withProcessMark } from '@borgitory/process-group';
import { DataDirectory } from '../../platform/data-dir/data-directory';

const POLL_MS = 100;
const AFTER_KILL_WAIT_MS = 1000;

/**
 * The process groups jobs start. Each carries a mark naming this installation (its data directory, which a copy does
 * not share) and the job, so that after a crash the server ends only what it started itself: not another server's
 * borg, nor whatever reused a recorded pid. Read from /proc (Linux); elsewhere nothing is found and nothing is killed.
 */
@Injectable()
export class ProcessGroups {
  constructor(private readonly dataDirectory: DataDirectory) {}

  /** Runs a job's work so that every process group it starts carries the job's mark. */
  runMarked<T>(jobId: number, work: () => T): T {
    return withProcessMark(jobProcessMark(this.dataDirectory.instanceId, jobId), work);
  }

  /** Whether the group still has a live member that this installation started for the job. */
  isOrphanOf(pgid: number, jobId: number): boolean {
    return groupCarriesMark(pgid, jobProcessMark(this.dataDirectory.instanceId, jobId));
  }

  /** SIGTERM to the group, SIGKILL after the grace period; resolves once the group is gone (or given up on). */
  async terminate(pgid: number, graceMs: number): Promise<void> {
    if (!killGroup(pgid, 'SIGTERM')) return;
    if (await this.waitGone(pgid, graceMs)) return;
    killGroup(pgid, 'SIGKILL');
    await this.waitGone(pgid, AFTER_KILL_WAIT_MS);
  }

  private async waitGone(pgid: number, ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (liveMembersOf(pgid).length > 0) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return true;
  }
}

/** The mark of a job's processes: the installation, then the job (ids are never reused: AUTOINCREMENT). */
export function jobProcessMark(instanceId: string, jobId: number): string {
  return `borgitory/${instanceId}/job/${jobId}`;
}
