import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { AUDIT_PATH } from '../../paths/page-paths';
import { AccountPanel } from './account-panel';
import { ApiKeysPanel } from './api-keys-panel';
import { PasswordPanel } from './password-panel';
import { ServerSettingsPanel } from './server-settings-panel';
import { SessionsPanel } from './sessions-panel';
import { TwoFactorPanel } from './two-factor-panel';
import { UsersPanel } from './users-panel';
import './settings.css';

/**
 * The signed-in user's own settings, then, for an admin, the server's users, the audit log and the server's settings.
 * The sections keep this order: account, password, two-factor sign-in, sessions, API keys, users, audit log, server settings.
 */
export function SettingsPage() {
  const user = useCurrentUser();
  if (!user) return null;
  const admin = user.role === 'admin';

  return (
    <>
      <PageHeader title="Settings" intro="Your account, how you log in, where you are logged in and your API keys." />
      <AccountPanel user={user} />
      <PasswordPanel />
      <TwoFactorPanel user={user} />
      <SessionsPanel />
      <ApiKeysPanel role={user.role} />
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
          <ServerSettingsPanel />
        </>
      )}
    </>
  );
}
