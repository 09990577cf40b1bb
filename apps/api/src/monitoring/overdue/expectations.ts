import { describeCron, nextRuns, parseCron } from '../../schedules/cron/cron-schedule';

/**
 * How long after a scheduled run its archive may take to appear before the repository counts as overdue: the job may
 * wait in the queue behind others, and a backup's archive is recorded only when borg create ends.
 */
export const SCHEDULE_GRACE_MS = 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;

/** An enabled schedule of the repository: each run due after activeSince expects an archive. */
export interface ScheduleExpectation {
  id: number;
  name: string;
  cronExpression: string;
  timezone: string;
  activeSince: Date;
  /** A run of the schedule is queued or running: its archive is on its way, and its deadline does not count yet. */
  running: boolean;
}

export interface ExpectationInput {
  now: Date;
  /** When the repository was added: with no archive at all, max_age_hours counts from here. */
  createdAt: Date;
  newestArchiveAt: Date | null;
  maxAgeHours: number | null;
  schedules: ScheduleExpectation[];
  graceMs?: number;
}

/** One expectation and when it is, or was, due: an archive newer than `after` by `dueAt`. */
export interface Deadline {
  kind: 'max_age' | 'schedule';
  schedule: { id: number; name: string } | null;
  /** max_age: the newest archive (or the repository's creation); schedule: the run that expects an archive. */
  after: Date;
  dueAt: Date;
}

export interface Assessment {
  overdue: boolean;
  /** The earliest deadline that passed unmet; null while none did. */
  overdueSince: Date | null;
  /** The earliest deadline that counts (passed unmet, or to come); null when nothing is expected. */
  expectedBy: Date | null;
  /** Passed unmet, earliest first. */
  unmet: Deadline[];
  /** What is expected, in words; null when nothing is. */
  expectation: string | null;
}

/**
 * Whether the repository has an archive as recent as expected. Expected are: one at most max_age_hours old, and for
 * each enabled schedule one after its last run that came due after the schedule was created, switched on or given
 * other times, within the grace period. A schedule's deadline is the first run after both its activeSince and the
 * newest archive, plus the grace; it does not count while a run of the schedule is queued or running (the run
 * reports its own failure, and a run that goes on past the next one fires schedule.skipped).
 */
export function assessExpectations(input: ExpectationInput): Assessment {
  const grace = input.graceMs ?? SCHEDULE_GRACE_MS;
  const deadlines: Deadline[] = [];
  const words: string[] = [];

  if (input.maxAgeHours !== null) {
    const after = input.newestArchiveAt ?? input.createdAt;
    deadlines.push({ kind: 'max_age', schedule: null, after, dueAt: new Date(after.getTime() + input.maxAgeHours * HOUR_MS) });
    words.push(`an archive at least every ${hours(input.maxAgeHours)}`);
  }
  for (const schedule of input.schedules) {
    const cron = parseCron(schedule.cronExpression, schedule.timezone);
    if (!cron.ok) continue;
    words.push(`one after each run of schedule "${schedule.name}" (${describeCron(schedule.cronExpression)}), within ${duration(grace)}`);
    const from = input.newestArchiveAt && input.newestArchiveAt > schedule.activeSince ? input.newestArchiveAt : schedule.activeSince;
    const [run] = nextRuns(cron.cron, schedule.timezone, 1, from);
    if (!run) continue;
    const after = new Date(run);
    const dueAt = new Date(after.getTime() + grace);
    if (schedule.running && dueAt <= input.now) continue;
    deadlines.push({ kind: 'schedule', schedule: { id: schedule.id, name: schedule.name }, after, dueAt });
  }

  deadlines.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const unmet = deadlines.filter((deadline) => deadline.dueAt <= input.now);
  return {
    overdue: unmet.length > 0,
    overdueSince: unmet[0]?.dueAt ?? null,
    expectedBy: deadlines[0]?.dueAt ?? null,
    unmet,
    expectation: words.length === 0 ? null : capitalised(words.join('; ')),
  };
}

/** Why the repository is overdue, for the event's summary: the first deadline it missed. */
export function describeMissed(deadline: Deadline, newestArchiveAt: Date | null, now: Date): string {
  const newest = newestArchiveAt ? `its newest archive is ${duration(now.getTime() - newestArchiveAt.getTime())} old` : 'it has no archive';
  if (deadline.kind === 'max_age') {
    const allowed = duration(deadline.dueAt.getTime() - deadline.after.getTime());
    return newestArchiveAt
      ? `${newest}, and at most ${allowed} is expected`
      : `${newest}, and one was expected within ${allowed} of adding it`;
  }
  return `schedule "${deadline.schedule?.name}" was due to run at ${deadline.after.toISOString()} and no archive has been made since (${newest})`;
}

/** "26 hours", "1 hour", "3 days 2 hours", "45 minutes": whole units, the two largest. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return plural(minutes, 'minute');
  const totalHours = Math.floor(minutes / 60);
  if (totalHours < 48) return plural(totalHours, 'hour');
  const days = Math.floor(totalHours / 24);
  const rest = totalHours % 24;
  return rest === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(rest, 'hour')}`;
}

function hours(count: number): string {
  return count === 1 ? 'hour' : `${count} hours`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
