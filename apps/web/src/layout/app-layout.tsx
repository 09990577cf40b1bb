import { useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useLogout, type User } from '../api/auth';
import { errorMessage } from '../api/errors';
import { BrandMark } from '../components/brand-mark';
import { HOSTS_PATH, SETTINGS_PATH } from '../paths/page-paths';
import { MainNavigation } from './main-navigation';
import { navSection } from './nav-section';
import './app-layout.css';
import { roleGrants } from '../api/roles';
import type { Role } from '../api/users';

/** The main navigation; an item with a role is shown only to that role and higher (the Backups page is a form to back up). */
export const NAV_ITEMS: readonly { to: string; label: string; role?: Role }[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/repositories', label: 'Repositories' },
  { to: HOSTS_PATH, label: 'Hosts' },
  { to: '/backups', label: 'Backups', role: 'operator' },
  { to: '/archives', label: 'Archives' },
  { to: '/search', label: 'Search' },
  { to: '/schedules', label: 'Schedules' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/cloud-sync', label: 'Cloud Sync' },
  { to: '/notifications', label: 'Notifications' },
  { to: SETTINGS_PATH, label: 'Settings' },
];

const SECTIONS = NAV_ITEMS.map((item) => item.to);

interface AppLayoutProps {
  user: User;
  /** Whether the page of the address is still loading (the previous page is shown meanwhile). */
  loading: boolean;
  /** The page. */
  children: ReactNode;
}

/** The frame around every page once logged in: product name, user (a link to their settings), log out, navigation. */
export function AppLayout({ user, loading, children }: AppLayoutProps) {
  const logout = useLogout();
  const current = navSection(useLocation().pathname, SECTIONS);
  const mainRef = useRef<HTMLElement>(null);

  return (
    <div className="app">
      {/* Present from the start, so that screen readers announce what appears in it. */}
      <div className="app__loading" role="status">
        {loading && <span className="app__loading-bar">Loading the page…</span>}
      </div>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app__header">
        <Link to="/" className="app__brand">
          <BrandMark />
          Borgitory
        </Link>
        <div className="app__user">
          {logout.isError && (
            <span className="app__user-error" role="alert">
              {errorMessage(logout.error)}
            </span>
          )}
          <Link to={SETTINGS_PATH} className="app__username" title="Your settings">
            <span className="visually-hidden">Logged in as </span>
            {user.username}
          </Link>
          <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {logout.isPending ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      </header>
      <MainNavigation
        items={NAV_ITEMS.filter((item) => !item.role || roleGrants(user.role, item.role))}
        current={current}
        pageRef={mainRef}
      />
      <main ref={mainRef} id="main" className="app__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
