import { Link, useNavigate } from 'react-router-dom';
import { useCreateChannel } from '../../api/notifications';
import { NOTIFICATIONS_PATH } from '../../paths/page-paths';
import { ChannelForm } from './channel-form';
import { newChannelValues } from './channel-form-values';
import { useDocumentTitle } from '../../util/use-document-title';
import './notifications.css';
import { NeedsRolePage } from '../../components/needs-role';

export function NewChannelPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="New notification channel"
      action="Creating a notification channel"
      back={{ to: NOTIFICATIONS_PATH, label: 'Notifications' }}
    >
      <NewChannel />
    </NeedsRolePage>
  );
}

function NewChannel() {
  const create = useCreateChannel();
  const navigate = useNavigate();
  useDocumentTitle('New notification channel');
  return (
    <>
      <p className="back-link">
        <Link to={NOTIFICATIONS_PATH}>← Notifications</Link>
      </p>
      <h1>New notification channel</h1>
      <p className="page-intro">Somewhere to tell about failed backups and other problems: a chat, a phone, a mailbox, your own service.</p>
      <ChannelForm
        initial={newChannelValues}
        save={create}
        submitLabel="Create channel"
        onSaved={() => navigate(NOTIFICATIONS_PATH)}
        cancelPath={NOTIFICATIONS_PATH}
      />
    </>
  );
}
