import { Link, useNavigate } from 'react-router-dom';
import { useChannel, useUpdateChannel, type Channel } from '../../api/notifications';
import { ItemLoader } from '../../components/item-loader';
import { NOTIFICATIONS_PATH } from '../../paths/page-paths';
import { ChannelForm } from './channel-form';
import { channelFormValues } from './channel-form-values';
import { useDocumentTitle } from '../../util/use-document-title';
import './notifications.css';
import { NeedsRolePage } from '../../components/needs-role';

export function EditChannelPage() {
  return (
    <NeedsRolePage
      atLeast="admin"
      title="Edit notification channel"
      action="Changing a notification channel"
      back={{ to: NOTIFICATIONS_PATH, label: 'Notifications' }}
    >
      <ItemLoader kind="notification channel" listPath={NOTIFICATIONS_PATH} useItem={useChannel}>
        {(channel) => <EditChannel channel={channel} />}
      </ItemLoader>
    </NeedsRolePage>
  );
}

function EditChannel({ channel }: { channel: Channel }) {
  const update = useUpdateChannel(channel.id);
  const navigate = useNavigate();
  useDocumentTitle(`Edit ${channel.name}`);
  return (
    <>
      <p className="back-link">
        <Link to={NOTIFICATIONS_PATH}>← Notifications</Link>
      </p>
      <h1>Edit {channel.name}</h1>
      <p className="page-intro">
        Secrets (an Apprise URL’s tokens, a webhook’s signing secret) are never shown again: leave them empty to keep them.
      </p>
      <ChannelForm
        initial={(services) => channelFormValues(channel, services)}
        save={update}
        submitLabel="Save changes"
        onSaved={() => navigate(NOTIFICATIONS_PATH)}
        cancelPath={NOTIFICATIONS_PATH}
        saved={channel}
      />
    </>
  );
}
