/** A maximum age in hours as people say it: `24 h`, `36 h`, `7 days`. */
export function formatHours(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} h`;
}

/**
 * What is expected of a repository, short, to stand beside the age of its newest archive ("2 days ago — expected
 * every 24 h"): its maximum age, else its schedules (the server's `expectation` says which, in full), else nothing.
 */
export function expectedEvery(maxAgeHours: number | null, expectation: string | null): string {
  if (maxAgeHours !== null) return `expected every ${formatHours(maxAgeHours)}`;
  if (expectation !== null) return 'expected after each scheduled run';
  return 'nothing expected';
}
