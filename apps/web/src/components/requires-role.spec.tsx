/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { authKeys, type AuthStatus } from '../api/auth';
import type { Role } from '../api/users';
import { NeedsRolePage } from './needs-role';
import { RequiresRole } from './requires-role';

function renderAs(role: Role, ui: ReactNode) {
  const client = new QueryClient();
  const status: AuthStatus = {
    setup_required: false,
    authenticated: true,
    user: { id: 1, username: 'someone', role, created_at: '2026-01-01T00:00:00.000Z', two_factor_enabled: false },
    single_sign_on: null,
    password_login: true,
  };
  client.setQueryData(authKeys.status, status);
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('RequiresRole', () => {
  it('shows its children to that role and higher, and what is given otherwise to the others', () => {
    const button = (
      <RequiresRole atLeast="operator" otherwise={<span>Read only</span>}>
        <button type="button">Back up now</button>
      </RequiresRole>
    );
    for (const role of ['operator', 'admin'] as const) {
      renderAs(role, button);
      expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
      cleanup();
    }
    renderAs('viewer', button);
    expect(screen.queryByRole('button', { name: 'Back up now' })).toBeNull();
    expect(screen.getByText('Read only')).toBeTruthy();
  });
});

describe('NeedsRolePage', () => {
  const page = (
    <NeedsRolePage
      atLeast="admin"
      title="New repository"
      action="Adding a repository"
      back={{ to: '/repositories', label: 'the repositories' }}
    >
      <form aria-label="New repository" />
    </NeedsRolePage>
  );

  it('shows the page to that role', () => {
    renderAs('admin', page);
    expect(screen.getByRole('form', { name: 'New repository' })).toBeTruthy();
  });

  it('tells anyone else which role it needs, with the way back', () => {
    renderAs('operator', page);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('heading', { name: 'New repository' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Adding a repository needs the admin role');
    expect(screen.getByRole('link', { name: 'the repositories' }).getAttribute('href')).toBe('/repositories');
  });
});
