/**
 * A length of time for people: `0.8 s`, `42 s`, `12 min 5 s`, `2 h 5 min`,
 * `3 d 4 h`; the two largest units, and a decimal for a fraction of a second
 * under ten (whole seconds stay whole, for a clock that counts up).
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10 && !Number.isInteger(seconds)) return `${(Math.floor(seconds * 10) / 10).toFixed(1)} s`;
  const whole = Math.floor(seconds);
  if (whole < 60) return `${whole} s`;
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** Seconds between two API date-times; `until` null means "until now". */
export function secondsBetween(from: string, until: string | null, now: Date = new Date()): number {
  const end = until === null ? now.getTime() : new Date(until).getTime();
  return (end - new Date(from).getTime()) / 1000;
}
