import { expectedEvery, formatHours } from './expectation';

describe('formatHours', () => {
  it('says hours up to two days, then whole days', () => {
    expect(formatHours(1)).toBe('1 h');
    expect(formatHours(24)).toBe('24 h');
    expect(formatHours(36)).toBe('36 h');
    expect(formatHours(48)).toBe('2 days');
    expect(formatHours(168)).toBe('7 days');
    expect(formatHours(170)).toBe('170 h');
  });
});

describe('expectedEvery', () => {
  it('prefers the maximum age, then the schedules, else says nothing is expected', () => {
    expect(expectedEvery(24, 'An archive at least every 24 hours')).toBe('expected every 24 h');
    expect(expectedEvery(null, 'One after each run of schedule "Nightly" (At 02:00), within 1 hour')).toBe(
      'expected after each scheduled run',
    );
    expect(expectedEvery(null, null)).toBe('nothing expected');
  });
});
