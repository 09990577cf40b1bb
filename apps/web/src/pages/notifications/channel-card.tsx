import { useId } from 'react';
import { useTestChannel, type Channel } from '../../api/notifications';
import { Fact, Facts } from '../../components/facts';
import { DeleteButton, EditLink } from '../../components/row-actions';
import { channelEditPath } from '../../paths/page-paths';
import { ChannelTestResultPanel } from './channel-test-result';
import { eventsInWords, SUBSCRIBABLE_EVENTS } from './event-words';
import { RequiresRole } from '../../components/requires-role';

interface ChannelCardProps {
  channel: Channel;
  repositoryName: (id: number) => string;
  onDelete: (channel: Channel) => void;
}

/** One channel: where it sends, what and about which repositories; with Test (its result below), Edit and Delete for an admin. */
export function ChannelCard({ channel, repositoryName, onDelete }: ChannelCardProps) {
  const headingId = useId();
  const test = useTestChannel(channel.id);
  return (
    <section className="panel channel-card" aria-labelledby={headingId}>
      <div className="channel-card__header">
        <div>
          <h2 id={headingId}>{channel.name}</h2>
          <p className="channel-card__type">
            {channel.type === 'apprise' ? 'Apprise' : 'Webhook, signed'}{' '}
            <span className={`badge ${channel.enabled ? 'badge--ok' : 'badge--neutral'}`}>{channel.enabled ? 'Enabled' : 'Disabled'}</span>
          </p>
        </div>
        <RequiresRole atLeast="admin">
          <div className="channel-card__actions" role="group" aria-label={`${channel.name} actions`}>
            <button type="button" className="button button--small" disabled={test.isPending} onClick={() => test.mutate()}>
              {test.isPending ? 'Testing…' : 'Test'}
            </button>
            <EditLink to={channelEditPath(channel.id)} name={channel.name} />
            <DeleteButton name={channel.name} onClick={() => onDelete(channel)} />
          </div>
        </RequiresRole>
      </div>
      <Facts>
        <Fact term="Sends to">
          <code className="wrap">{channel.target}</code>
        </Fact>
        <Fact term="Events">{eventsInWords(channel.events, SUBSCRIBABLE_EVENTS)}</Fact>
        <Fact term="Repositories">
          {channel.repository_ids === null ? 'All' : channel.repository_ids.map((id) => repositoryName(id)).join(', ')}
        </Fact>
        <Fact term="Repeated failures">
          {channel.throttle_minutes === 0 ? 'Each one sent' : `The same failure at most once in ${channel.throttle_minutes} minutes`}
        </Fact>
      </Facts>
      <ChannelTestResultPanel test={test} channelId={channel.id} />
    </section>
  );
}
