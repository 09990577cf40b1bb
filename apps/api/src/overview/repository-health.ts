/** Worst first: the order of the dashboard's cards. */
export const REPOSITORY_HEALTHS = ['failed', 'overdue', 'warning', 'healthy'] as const;
export type RepositoryHealth = (typeof REPOSITORY_HEALTHS)[number];

/** What the verdict is made of, all from stored data. */
export interface HealthFacts {
  /** Failed jobs of the repository nobody has acknowledged. */
  unacknowledgedFailed: number;
  /** Jobs that ended with warnings nobody has acknowledged. */
  unacknowledgedWarning: number;
  /** Its archive list could not be read at the last attempt. */
  unreachableSince: Date | null;
  overdueSince: Date | null;
  lowSpaceSince: Date | null;
  newestArchiveAt: Date | null;
}

export interface HealthVerdict {
  health: RepositoryHealth;
  /** Every finding, worst first, as sentences; empty when healthy. */
  reasons: string[];
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);

/**
 * The worst of what applies:
 * - failed: a failed job not acknowledged yet, or the repository could not be read at the last attempt;
 * - overdue: its newest archive is older than expected (the repository monitor's verdict);
 * - warning: a job that ended with warnings not acknowledged yet, low space, or no archive at all;
 * - healthy: none of these.
 */
export function assessHealth(facts: HealthFacts): HealthVerdict {
  const findings: Array<[RepositoryHealth, string]> = [];
  if (facts.unacknowledgedFailed > 0)
    findings.push(['failed', `${plural(facts.unacknowledgedFailed, 'A job', 'jobs')} failed (not acknowledged yet)`]);
  if (facts.unreachableSince) findings.push(['failed', 'Its archive list could not be read']);
  if (facts.overdueSince) findings.push(['overdue', 'No archive as recent as expected']);
  if (facts.unacknowledgedWarning > 0)
    findings.push(['warning', `${plural(facts.unacknowledgedWarning, 'A job', 'jobs')} ended with warnings (not acknowledged yet)`]);
  if (facts.lowSpaceSince) findings.push(['warning', 'Its disk is low on space']);
  if (!facts.newestArchiveAt) findings.push(['warning', 'It has no archive yet']);
  const rank = (health: RepositoryHealth) => REPOSITORY_HEALTHS.indexOf(health);
  findings.sort(([a], [b]) => rank(a) - rank(b));
  return { health: findings[0]?.[0] ?? 'healthy', reasons: findings.map(([, reason]) => reason) };
}

/** Names as people sort them, case aside; made once (localeCompare with options makes one at each call). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Worst health first; within one health, by name, then id. */
export function compareByHealth(a: { health: RepositoryHealth; name: string; id: number }, b: typeof a): number {
  const rank = REPOSITORY_HEALTHS.indexOf(a.health) - REPOSITORY_HEALTHS.indexOf(b.health);
  return rank || byName.compare(a.name, b.name) || a.id - b.id;
}
