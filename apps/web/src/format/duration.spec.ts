import { formatDuration, secondsBetween } from './duration';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

describe('formatDuration', () => {
  it('writes under ten seconds with a tenth, rounded down', () => {
    expect(formatDuration(0.8)).toBe('0.8 s');
    expect(formatDuration(0.05)).toBe('0.0 s');
    expect(formatDuration(1.99)).toBe('1.9 s');
    expect(formatDuration(9.99)).toBe('9.9 s');
  });

  it('keeps whole seconds whole, for a clock that counts up', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(5)).toBe('5 s');
    expect(formatDuration(42)).toBe('42 s');
  });

  it('drops the fraction from ten seconds on', () => {
    expect(formatDuration(10.5)).toBe('10 s');
    expect(formatDuration(59.9)).toBe('59 s');
  });

  it('writes minutes and seconds', () => {
    expect(formatDuration(MINUTE)).toBe('1 min');
    expect(formatDuration(12 * MINUTE + 5)).toBe('12 min 5 s');
    expect(formatDuration(HOUR - 1)).toBe('59 min 59 s');
  });

  it('writes hours and minutes, without seconds', () => {
    expect(formatDuration(HOUR)).toBe('1 h');
    expect(formatDuration(2 * HOUR + 5 * MINUTE)).toBe('2 h 5 min');
    expect(formatDuration(2 * HOUR + 59)).toBe('2 h');
  });

  it('writes days and hours, without minutes', () => {
    expect(formatDuration(DAY)).toBe('1 d');
    expect(formatDuration(3 * DAY + 4 * HOUR)).toBe('3 d 4 h');
    expect(formatDuration(DAY + 59 * MINUTE)).toBe('1 d');
    expect(formatDuration(400 * DAY)).toBe('400 d');
  });

  it('shows a dash for what cannot be a length of time', () => {
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(-0.5)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('secondsBetween', () => {
  it('counts the seconds between two API date-times', () => {
    expect(secondsBetween('2026-01-01T00:00:00.000Z', '2026-01-01T00:01:30.500Z')).toBe(90.5);
  });

  it('counts real time across a change of offset (summer time)', () => {
    // In Berlin the clocks go from 02:00 to 03:00 on 29 March 2026: one hour passes between these two.
    expect(secondsBetween('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')).toBe(HOUR);
  });

  it('is negative when the end comes first', () => {
    expect(secondsBetween('2026-01-01T00:01:00Z', '2026-01-01T00:00:00Z')).toBe(-60);
  });

  it('runs until the given now when there is no end', () => {
    expect(secondsBetween('2026-01-01T00:00:00Z', null, new Date('2026-01-01T00:00:07Z'))).toBe(7);
  });

  it('runs until the current time by default', () => {
    jest.useFakeTimers({ now: new Date('2026-05-01T12:00:30Z') });
    try {
      expect(secondsBetween('2026-05-01T12:00:00Z', null)).toBe(30);
    } finally {
      jest.useRealTimers();
    }
  });
});
