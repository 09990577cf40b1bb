import { useState } from 'react';
import { CHANNEL_PAGE_SIZE, useChannels, useDeleteChannel, type Channel } from '../../api/notifications';
import { useRepositoryNames } from '../../api/repositories';
import { DeleteDialog } from '../../components/delete-dialog';
import { EmptyState } from '../../components/empty-state';
import { PagedList } from '../../components/paged-list';
import { NEW_CHANNEL_PATH, NOTIFICATIONS_PATH } from '../../paths/page-paths';
import { useOffsetParam } from '../../util/offset-param';
import { ChannelCard } from './channel-card';
import { NotificationsHeader } from './notifications-header';
import './notifications.css';

/** The notification channels, each with Test, Edit and Delete. */
export function ChannelsPage() {
  const [offset, goTo] = useOffsetParam();
  const channels = useChannels(offset);
  const repositoryName = useRepositoryNames();
  const remove = useDeleteChannel();
  const [deleting, setDeleting] = useState<Channel | null>(null);

  return (
    <>
      <NotificationsHeader />
      <PagedList
        query={channels}
        loading="Loading notification channels…"
        empty={
          <EmptyState
            title="No notification channels yet"
            actionPath={NEW_CHANNEL_PATH}
            actionLabel="Create a notification channel"
            actionRole="admin"
          >
            A backup that fails quietly is the worst kind. Send failures, warnings and overdue backups to a chat, a phone, a mailbox or your
            own service: Discord, Slack, Telegram, ntfy, e-mail and 100 more through Apprise, or a signed webhook.
          </EmptyState>
        }
        noun="channels"
        firstPagePath={NOTIFICATIONS_PATH}
        label="Notification channels"
        offset={offset}
        pageSize={CHANNEL_PAGE_SIZE}
        onOffsetChange={goTo}
      >
        {(items) =>
          items.map((channel) => <ChannelCard key={channel.id} channel={channel} repositoryName={repositoryName} onDelete={setDeleting} />)
        }
      </PagedList>

      <DeleteDialog
        item={deleting}
        title="Delete this notification channel?"
        confirmLabel="Delete channel"
        remove={remove}
        onClose={() => setDeleting(null)}
      >
        {({ name }) => (
          <p>
            The channel <strong>{name}</strong> will be deleted and gets no more messages; what was sent to it stays in the delivery log.
          </p>
        )}
      </DeleteDialog>
    </>
  );
}
