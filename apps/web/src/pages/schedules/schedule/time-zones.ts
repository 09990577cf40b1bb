/**
 * The IANA zones to choose from, the browser's own first and UTC next, then
 * the rest by name; `known` is what the browser lists (`Intl.supportedValuesOf`),
 * which leaves UTC out in some browsers.
 */
export function timeZoneChoices(known: readonly string[], browserZone: string): string[] {
  const first = [browserZone, 'UTC'];
  const rest = known.filter((zone) => !first.includes(zone)).sort((a, b) => a.localeCompare(b));
  return [...new Set(first), ...rest];
}

/** "UTC+01:00" for a zone at this moment, to tell zones apart in the list. */
export function utcOffsetLabel(zone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return !part || part === 'GMT' ? 'UTC+00:00' : part.replace('GMT', 'UTC');
}
