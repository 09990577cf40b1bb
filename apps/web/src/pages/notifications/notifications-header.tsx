import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { NEW_CHANNEL_PATH } from '../../paths/page-paths';
import { NotificationsTabs } from './notifications-tabs';
import { RequiresRole } from '../../components/requires-role';

/** The title of the notification pages, New channel, and the tabs. */
export function NotificationsHeader() {
  return (
    <>
      <PageHeader
        title="Notifications"
        intro="Who hears about failed backups, problems and repositories without recent archives, and what was sent to them."
      >
        <RequiresRole atLeast="admin">
          <Link to={NEW_CHANNEL_PATH} className="button button--primary">
            New channel
          </Link>
        </RequiresRole>
      </PageHeader>
      <NotificationsTabs />
    </>
  );
}
