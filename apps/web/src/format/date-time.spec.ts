import { formatDate, formatDateTime, formatRelativeTime, formatShortDateTime, formatTimeOfDay } from './date-time';

// The specs run in Europe/Berlin with US English (jest.config.cts, test-setup.ts).

describe('formatRelativeTime', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it('says "just now" within a minute either way', () => {
    expect(formatRelativeTime(now, now)).toBe('just now');
    expect(formatRelativeTime(secondsFromNow(-59), now)).toBe('just now');
    expect(formatRelativeTime(secondsFromNow(59), now)).toBe('just now');
  });

  it('writes the past as "… ago", in the largest unit that fits', () => {
    expect(formatRelativeTime(secondsFromNow(-60), now)).toBe('1 minute ago');
    expect(formatRelativeTime(secondsFromNow(-3 * 3600), now)).toBe('3 hours ago');
    expect(formatRelativeTime(secondsFromNow(-7 * 86_400), now)).toBe('1 week ago');
    expect(formatRelativeTime(secondsFromNow(-45 * 86_400), now)).toBe('1 month ago');
    expect(formatRelativeTime(secondsFromNow(-400 * 86_400), now)).toBe('1 year ago');
  });

  it('writes the future as "in …"', () => {
    expect(formatRelativeTime(secondsFromNow(2 * 86_400), now)).toBe('in 2 days');
    expect(formatRelativeTime(secondsFromNow(90), now)).toBe('in 1 minute');
  });

  it('counts whole units, rounding towards now', () => {
    expect(formatRelativeTime(secondsFromNow(-(2 * 3600 - 1)), now)).toBe('1 hour ago');
    expect(formatRelativeTime(secondsFromNow(13 * 86_400), now)).toBe('in 1 week');
  });

  it('measures from the current time by default', () => {
    jest.useFakeTimers({ now });
    try {
      expect(formatRelativeTime(secondsFromNow(-5 * 60))).toBe('5 minutes ago');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('local date and time formats', () => {
  const winterEvening = new Date('2026-11-26T17:00:00Z');
  const summerAfternoon = new Date('2026-07-01T12:00:00Z');
  // 23:30 UTC is already the next day in Berlin.
  const lateUtc = new Date('2026-11-26T23:30:00Z');

  it('writes the full date and time with the local offset, winter and summer', () => {
    expect(formatDateTime(winterEvening)).toMatch(/^Thursday, November 26, 2026 at 6:00:00\sPM GMT\+1$/);
    expect(formatDateTime(summerAfternoon)).toMatch(/^Wednesday, July 1, 2026 at 2:00:00\sPM GMT\+2$/);
  });

  it('writes a table cell date and time on the local calendar', () => {
    expect(formatShortDateTime(winterEvening)).toMatch(/^Nov 26, 2026, 6:00\sPM$/);
    expect(formatShortDateTime(lateUtc)).toMatch(/^Nov 27, 2026, 12:30\sAM$/);
  });

  it('writes the local date alone', () => {
    expect(formatDate(winterEvening)).toBe('Nov 26, 2026');
    expect(formatDate(lateUtc)).toBe('Nov 27, 2026');
  });
});

describe('formatTimeOfDay', () => {
  it('writes the local time on a 24-hour clock with seconds', () => {
    expect(formatTimeOfDay(new Date('2026-11-26T17:00:05Z'))).toBe('18:00:05');
    expect(formatTimeOfDay(new Date('2026-07-01T07:08:09Z'))).toBe('09:08:09');
  });

  it('starts the day at 00, not 24', () => {
    expect(formatTimeOfDay(new Date('2026-11-26T23:00:05Z'))).toBe('00:00:05');
    expect(formatTimeOfDay(new Date('2026-11-26T23:59:59Z'))).toBe('00:59:59');
  });

  it('follows the clocks when summer time starts and ends', () => {
    expect(formatTimeOfDay(new Date('2026-03-29T00:59:59Z'))).toBe('01:59:59');
    expect(formatTimeOfDay(new Date('2026-03-29T01:00:00Z'))).toBe('03:00:00');
    // 02:30 happens twice on 25 October 2026: first in summer time, then an hour later in winter time.
    expect(formatTimeOfDay(new Date('2026-10-25T00:30:00Z'))).toBe('02:30:00');
    expect(formatTimeOfDay(new Date('2026-10-25T01:30:00Z'))).toBe('02:30:00');
  });
});
