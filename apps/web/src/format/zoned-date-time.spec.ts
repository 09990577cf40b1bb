import { formatInZone } from './zoned-date-time';

// The browser's own zone is Europe/Berlin here (jest.config.cts).

describe('formatInZone', () => {
  const instant = new Date('2026-12-01T01:00:00Z');

  it('writes the wall clock of the given zone, with or without the year', () => {
    expect(formatInZone(instant, 'Europe/Berlin')).toBe('Tue, Dec 1, 2026, 02:00');
    expect(formatInZone(instant, 'Europe/Berlin', { year: false })).toBe('Tue, Dec 1, 02:00');
    expect(formatInZone(instant, 'UTC')).toBe('Tue, Dec 1, 2026, 01:00');
  });

  it('reads the same instant as another day in a zone behind', () => {
    expect(formatInZone(instant, 'America/New_York')).toBe('Mon, Nov 30, 2026, 20:00');
    expect(formatInZone(instant, 'America/New_York', { year: false })).toBe('Mon, Nov 30, 20:00');
  });

  it('handles offsets that are not whole hours', () => {
    expect(formatInZone(instant, 'Asia/Kolkata')).toBe('Tue, Dec 1, 2026, 06:30');
    expect(formatInZone(instant, 'Asia/Kathmandu')).toBe('Tue, Dec 1, 2026, 06:45');
  });

  it('writes midnight as 00:00', () => {
    expect(formatInZone(new Date('2026-11-30T23:00:00Z'), 'Europe/Berlin', { year: false })).toBe('Tue, Dec 1, 00:00');
  });

  it('skips the hour lost when summer time starts', () => {
    expect(formatInZone(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('Sun, Mar 29, 2026, 01:59');
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('Sun, Mar 29, 2026, 03:00');
    expect(formatInZone(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('Sun, Mar 8, 2026, 01:59');
    expect(formatInZone(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('Sun, Mar 8, 2026, 03:00');
  });

  it('shows the repeated hour twice when summer time ends', () => {
    expect(formatInZone(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('Sun, Oct 25, 2026, 02:30');
    expect(formatInZone(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('Sun, Oct 25, 2026, 02:30');
  });

  it('follows a southern zone, whose summer time is in December', () => {
    expect(formatInZone(instant, 'Australia/Sydney')).toBe('Tue, Dec 1, 2026, 12:00');
    expect(formatInZone(new Date('2026-07-01T01:00:00Z'), 'Australia/Sydney')).toBe('Wed, Jul 1, 2026, 11:00');
  });

  it("falls back to the browser's zone for a zone it does not know, every time", () => {
    expect(formatInZone(instant, 'Mars/Olympus_Mons')).toBe('Tue, Dec 1, 2026, 02:00');
    expect(formatInZone(instant, 'Mars/Olympus_Mons')).toBe('Tue, Dec 1, 2026, 02:00');
    expect(formatInZone(instant, '', { year: false })).toBe('Tue, Dec 1, 02:00');
  });
});
