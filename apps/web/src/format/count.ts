const countFormat = new Intl.NumberFormat('en');

/** A whole number with thousands separators: `1,234`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? countFormat.format(value) : '—';
}

/** `1 file`, `1,234 files`. */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
