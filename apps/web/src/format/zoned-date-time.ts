const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time on the wall clock of an IANA time zone, e.g. "Tue, Dec 1,
 * 2026, 02:00" ("Tue, Dec 1, 02:00" without the year, for tables): a
 * schedule's runs are read in its own zone, whatever the browser's. A zone the
 * browser does not know falls back to the browser's own.
 */
export function formatInZone(date: Date, timeZone: string, { year = true }: { year?: boolean } = {}): string {
  const key = `${timeZone} ${year}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: year ? 'numeric' : undefined,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format.format(date);
}
