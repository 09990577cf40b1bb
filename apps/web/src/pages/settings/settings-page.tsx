import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { AUDIT_PATH } from '../../paths/page-paths';
import { AccountPanel } from './account-panel';
import { PasswordPanel } from './password-panel';
import { SessionsPanel } from './sessions-panel';
import { UsersPanel } from './users-panel';
import './settings.css';

/**
 * The signed-in user's own settings, then, for an admin, the server's users and the audit log.
 * The sections keep this order: account, password, two-factor (to come), sessions, API keys (to come), users.
 */
export function SettingsPage() {
  const user = useCurrentUser();
  if (!user) return null;
  const admin = user.role === 'admin';

  return (
    <>
      <PageHeader title="Settings" intro="Your account, your password and where you are logged in." />
      <AccountPanel user={user} />
      <PasswordPanel />
      {/* Two-factor sign-in goes here, once the server offers it. */}
      <SessionsPanel />
      {/* API keys go here, once the server offers them. */}
      {admin && (
        <>
          <UsersPanel currentUserId={user.id} />
          <section className="panel" aria-labelledby="audit-heading">
            <h2 id="audit-heading" className="settings-heading">
              Audit log
            </h2>
            <p className="panel__text">
              Every change and every sensitive read, by whom, when and from where: <Link to={AUDIT_PATH}>open the audit log</Link>.
            </p>
          </section>
        </>
      )}
    </>
  );
}
