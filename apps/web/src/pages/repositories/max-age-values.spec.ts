import { maxAgeChange, maxAgeHours, maxAgeText } from './max-age-values';

describe('the maximum age field', () => {
  it('shows what is stored, empty for none', () => {
    expect(maxAgeText(26)).toBe('26');
    expect(maxAgeText(null)).toBe('');
  });

  it('sends null for an empty field and the number typed otherwise', () => {
    expect(maxAgeHours('')).toBeNull();
    expect(maxAgeHours('  ')).toBeNull();
    expect(maxAgeHours('26')).toBe(26);
    expect(maxAgeHours(' 8760 ')).toBe(8760);
    // Left for the API to refuse, at the field.
    expect(maxAgeHours('1.5')).toBe(1.5);
    expect(maxAgeHours('0')).toBe(0);
  });

  it('is part of an update only when it changed', () => {
    expect(maxAgeChange(26, '26')).toBeUndefined();
    expect(maxAgeChange(null, '')).toBeUndefined();
    expect(maxAgeChange(26, '')).toBeNull();
    expect(maxAgeChange(null, '48')).toBe(48);
    expect(maxAgeChange(26, '12')).toBe(12);
  });
});
