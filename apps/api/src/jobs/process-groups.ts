import { readdirSync, readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';

const POLL_MS = 100;
const AFTER_KILL_WAIT_MS = 1000;

/** Process groups left behind by a crash, read from /proc (Linux); elsewhere nothing is found and nothing is killed. */
@Injectable()
export class ProcessGroups {
  /** The leader's command line, arguments joined by spaces; null when it is gone. */
  commandLine(pid: number): string | null {
    try {
      const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return raw.length > 0 ? raw.replace(/\0+$/, '').split('\0').join(' ') : null;
    } catch {
      return null;
    }
  }

  /** Whether any process of the group is alive; zombies do not count (PID 1 in a container may never reap them). */
  isAlive(pgid: number): boolean {
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      return false;
    }
    return entries.some((entry) => /^\d+$/.test(entry) && isLiveMember(Number(entry), pgid));
  }

  /** SIGTERM to the group, SIGKILL after the grace period; resolves once the group is gone (or given up on). */
  async terminate(pgid: number, graceMs: number): Promise<void> {
    if (!signalGroup(pgid, 'SIGTERM')) return;
    if (await this.waitGone(pgid, graceMs)) return;
    signalGroup(pgid, 'SIGKILL');
    await this.waitGone(pgid, AFTER_KILL_WAIT_MS);
  }

  private async waitGone(pgid: number, ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.isAlive(pgid)) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return true;
  }
}

function isLiveMember(pid: number, pgid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (which may hold spaces and parentheses): state, ppid, pgrp, …
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(pgrp) === pgid && state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
