import { timeZoneChoices, utcOffsetLabel } from './time-zones';

describe('timeZoneChoices', () => {
  it('puts the browser’s zone first and UTC next, then the rest by name, once each', () => {
    expect(timeZoneChoices(['Europe/Paris', 'America/New_York', 'Europe/Berlin', 'UTC'], 'Europe/Berlin')).toEqual([
      'Europe/Berlin',
      'UTC',
      'America/New_York',
      'Europe/Paris',
    ]);
  });

  it('offers UTC when the browser does not list it, and does not repeat a UTC browser', () => {
    expect(timeZoneChoices(['Asia/Tokyo'], 'UTC')).toEqual(['UTC', 'Asia/Tokyo']);
  });
});

describe('utcOffsetLabel', () => {
  it('gives the offset on the zone’s clock at a moment, summer time included', () => {
    expect(utcOffsetLabel('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffsetLabel('Europe/Berlin', new Date('2026-01-01T12:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffsetLabel('UTC')).toBe('UTC+00:00');
  });
});
