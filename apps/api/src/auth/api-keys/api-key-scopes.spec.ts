import { keyRole, scopesWithin } from './api-key-scopes';

describe('API key scopes', () => {
  it('may be given up to the creator’s role', () => {
    expect(scopesWithin('viewer')).toEqual(['read']);
    expect(scopesWithin('operator')).toEqual(['read', 'operate']);
    expect(scopesWithin('admin')).toEqual(['read', 'operate', 'admin']);
  });

  it('act as the lesser of the scope and the owner’s role', () => {
    expect(keyRole('read', 'admin')).toBe('viewer');
    expect(keyRole('operate', 'admin')).toBe('operator');
    expect(keyRole('admin', 'admin')).toBe('admin');
    expect(keyRole('admin', 'viewer')).toBe('viewer');
    expect(keyRole('operate', 'operator')).toBe('operator');
  });
});
