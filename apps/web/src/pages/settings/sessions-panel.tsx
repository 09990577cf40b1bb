import { useState } from 'react';
import { useEndOtherSessions, useEndSession, useOwnSessions, type OwnSession } from '../../api/account';
import { errorMessage } from '../../api/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RelativeTime } from '../../components/relative-time';
import { describeUserAgent } from './user-agent-words';

/** Where the user is logged in, this browser marked; any other session can be ended, one by one or all at once. */
export function SessionsPanel() {
  const sessions = useOwnSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const [ended, setEnded] = useState<number | null>(null);
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  function closeDialog() {
    endOthers.reset();
    setConfirming(false);
  }

  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <div className="panel__header">
        <h2 id="sessions-heading">Sessions</h2>
        {others > 0 && (
          <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
            End all other sessions
          </button>
        )}
      </div>
      <p className="panel__text muted">The browsers and clients logged in as you. Ending a session logs it out at its next request.</p>
      {(end.isError || ended !== null) && (
        <p className={end.isError ? 'alert alert--error' : 'alert alert--success'} role={end.isError ? 'alert' : 'status'}>
          {end.isError ? errorMessage(end.error) : ended === 1 ? 'One other session was ended.' : `${ended} other sessions were ended.`}
        </p>
      )}
      {sessions.isPending ? (
        <p role="status">Loading your sessions…</p>
      ) : sessions.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(sessions.error)}
        </p>
      ) : (
        <ul className="session-list">
          {thisOneFirst(sessions.data).map((session) => (
            <SessionItem
              key={session.id}
              session={session}
              ending={end.isPending && end.variables === session.id}
              onEnd={() => {
                setEnded(null);
                end.mutate(session.id);
              }}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title="End all other sessions?"
        confirmLabel="End other sessions"
        busyLabel="Ending…"
        danger
        busy={endOthers.isPending}
        error={endOthers.isError ? errorMessage(endOthers.error) : null}
        onConfirm={() =>
          endOthers.mutate(undefined, {
            onSuccess: ({ revoked }) => {
              end.reset();
              setEnded(revoked);
              closeDialog();
            },
          })
        }
        onCancel={closeDialog}
      >
        <p>
          Every browser and client logged in as you, except this one, is logged out ({others === 1 ? 'one session' : `${others} sessions`}).
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The sessions with this browser's at the top, the others in the server's order. */
function thisOneFirst(sessions: OwnSession[]): OwnSession[] {
  return [...sessions.filter((session) => session.current), ...sessions.filter((session) => !session.current)];
}

interface SessionItemProps {
  session: OwnSession;
  ending: boolean;
  onEnd: () => void;
}

function SessionItem({ session, ending, onEnd }: SessionItemProps) {
  const client = describeUserAgent(session.user_agent);
  return (
    <li className="session-list__item" aria-label={session.current ? `${client} (this browser)` : client}>
      <div className="session-list__what">
        <span className="session-list__client" title={session.user_agent}>
          {client}
        </span>
        {session.current && <span className="badge badge--ok">This browser</span>}
      </div>
      <p className="session-list__details">
        From {session.address}, signed in <RelativeTime value={session.signed_in_at} fallback="at an unknown time" />, last seen{' '}
        {session.current ? 'now' : <RelativeTime value={session.last_seen_at} />}
      </p>
      {!session.current && (
        <button
          type="button"
          className="button button--small session-list__end"
          disabled={ending}
          onClick={onEnd}
          aria-label={`End the session of ${client} from ${session.address}`}
        >
          {ending ? 'Ending…' : 'End'}
        </button>
      )}
    </li>
  );
}
