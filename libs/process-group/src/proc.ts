import { readdirSync, readFileSync } from 'node:fs';

/**
 * The live processes of a process group, read from /proc (Linux; elsewhere none). Zombies do not count: PID 1 in a
 * container may never reap them.
 */
export function liveMembersOf(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry) && isLiveMember(Number(entry), pgid)).map(Number);
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
