/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { authKeys, type AuthStatus } from './auth';
import { ROLES, roleGrants, useRoleAtLeast } from './roles';
import type { Role } from './users';

function signedInAs(role: Role | null) {
  const client = new QueryClient();
  const status: AuthStatus = {
    setup_required: false,
    authenticated: role !== null,
    user: role === null ? null : { id: 1, username: 'someone', role, created_at: '2026-01-01T00:00:00.000Z', two_factor_enabled: false },
    single_sign_on: null,
    password_login: true,
  };
  client.setQueryData(authKeys.status, status);
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('roleGrants', () => {
  it('orders the roles viewer < operator < admin', () => {
    expect(ROLES).toEqual(['viewer', 'operator', 'admin']);
    expect(roleGrants('viewer', 'viewer')).toBe(true);
    expect(roleGrants('viewer', 'operator')).toBe(false);
    expect(roleGrants('operator', 'operator')).toBe(true);
    expect(roleGrants('operator', 'admin')).toBe(false);
    expect(roleGrants('admin', 'operator')).toBe(true);
    expect(roleGrants('admin', 'admin')).toBe(true);
  });
});

describe('useRoleAtLeast', () => {
  it('answers from the signed-in user’s role', () => {
    const asOperator = signedInAs('operator');
    expect(renderHook(() => useRoleAtLeast('viewer'), { wrapper: asOperator }).result.current).toBe(true);
    expect(renderHook(() => useRoleAtLeast('operator'), { wrapper: asOperator }).result.current).toBe(true);
    expect(renderHook(() => useRoleAtLeast('admin'), { wrapper: asOperator }).result.current).toBe(false);
  });

  it('allows nothing while nobody is signed in', () => {
    expect(renderHook(() => useRoleAtLeast('viewer'), { wrapper: signedInAs(null) }).result.current).toBe(false);
  });
});
