import { formatCount, formatCountOf } from './count';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(200_000)).toBe('200,000');
    expect(formatCount(-1_234_567)).toBe('-1,234,567');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatCount(Number.NaN)).toBe('—');
    expect(formatCount(Number.NEGATIVE_INFINITY)).toBe('—');
  });
});

describe('formatCountOf', () => {
  it('uses the singular for exactly one', () => {
    expect(formatCountOf(1, 'file')).toBe('1 file');
  });

  it('uses the plural for none and for many', () => {
    expect(formatCountOf(0, 'file')).toBe('0 files');
    expect(formatCountOf(2, 'file')).toBe('2 files');
    expect(formatCountOf(1234, 'archive')).toBe('1,234 archives');
  });

  it('takes an irregular plural', () => {
    expect(formatCountOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(formatCountOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});
