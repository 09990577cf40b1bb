import { isExpired, localDay, newApiKey, scopeChoices, scopeLabel } from './api-key-values';

describe('api key form values', () => {
  it('offers each role the scopes up to its own', () => {
    const values = (role: 'viewer' | 'operator' | 'admin') => scopeChoices(role).map((choice) => choice.value);
    expect(values('viewer')).toEqual(['read']);
    expect(values('operator')).toEqual(['read', 'operate']);
    expect(values('admin')).toEqual(['read', 'operate', 'admin']);
  });

  it('names a scope', () => {
    expect(scopeLabel('operate')).toBe('Operate');
  });

  it('sends no expiry when no day is chosen', () => {
    expect(newApiKey({ name: 'report', scope: 'read', expires_on: '' })).toEqual({ name: 'report', scope: 'read' });
  });

  it('makes a key expire at the end of its last day, local time', () => {
    expect(newApiKey({ name: 'report', scope: 'operate', expires_on: '2027-01-31' })).toEqual({
      name: 'report',
      scope: 'operate',
      expires_at: new Date(2027, 1, 1).toISOString(),
    });
  });

  it('writes the local day as a date field does', () => {
    expect(localDay(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });

  it('tells an expired key from one that still works', () => {
    const now = new Date('2026-12-05T12:00:00.000Z');
    expect(isExpired({ expires_at: null }, now)).toBe(false);
    expect(isExpired({ expires_at: '2026-12-05T11:59:59.000Z' }, now)).toBe(true);
    expect(isExpired({ expires_at: '2026-12-05T12:00:01.000Z' }, now)).toBe(false);
  });
});
