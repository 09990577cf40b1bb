import { Fragment, useId, useState } from 'react';
import { useResendDelivery, type Delivery, type DeliveryAttempt } from '../../api/notifications';
import { PanelTable } from '../../components/panel-table';
import { RelativeTime } from '../../components/relative-time';
import { formatShortDateTime } from '../../format/date-time';
import { formatDuration } from '../../format/duration';
import { actionErrorMessage } from '../../forms/form-errors';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { EVENT_LABELS } from './event-words';
import { useRoleAtLeast } from '../../api/roles';

const COLUMNS = 7;

/** One row per delivery, newest first; its attempts open below it, and a failed or suppressed one can be sent again. */
export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  const resend = useResendDelivery();
  return (
    <>
      {resend.isError && (
        <p className="alert alert--error page-alert" role="alert">
          {actionErrorMessage(resend.error)}
        </p>
      )}
      <PanelTable caption="Deliveries" className="deliveries-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Last outcome</th>
            <th scope="col" className="actions-cell">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              resending={resend.isPending && resend.variables === delivery.id}
              onResend={() => resend.mutate(delivery.id)}
            />
          ))}
        </tbody>
      </PanelTable>
    </>
  );
}

interface DeliveryRowProps {
  delivery: Delivery;
  resending: boolean;
  onResend: () => void;
}

function DeliveryRow({ delivery, resending, onResend }: DeliveryRowProps) {
  const [open, setOpen] = useState(false);
  const attemptsId = useId();
  const last = delivery.attempts[delivery.attempts.length - 1];
  const channel = delivery.channel_name ?? `Channel #${delivery.channel_id} (deleted)`;
  const mayResend = useRoleAtLeast('operator');
  return (
    <Fragment>
      <tr>
        <th scope="row" className="nowrap">
          <RelativeTime value={delivery.created_at} />
        </th>
        <td>
          <span title={delivery.summary}>{EVENT_LABELS[delivery.event]}</span>
        </td>
        <td>{channel}</td>
        <td>
          <DeliveryStatusBadge status={delivery.status} />
        </td>
        <td className="numeric">
          {delivery.attempts.length > 0 ? (
            <button
              type="button"
              className="attempts-toggle"
              aria-expanded={open}
              aria-controls={attemptsId}
              aria-label={`${delivery.attempts.length} ${delivery.attempts.length === 1 ? 'attempt' : 'attempts'}`}
              onClick={() => setOpen(!open)}
            >
              {delivery.attempts.length} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
            </button>
          ) : (
            0
          )}
        </td>
        <td className="delivery-outcome">{outcome(delivery, last)}</td>
        <td className="actions-cell">
          {mayResend && (delivery.status === 'failed' || delivery.status === 'suppressed') && (
            <button
              type="button"
              className="button button--small"
              disabled={resending}
              onClick={onResend}
              aria-label={`Resend the ${EVENT_LABELS[delivery.event].toLowerCase()} to ${channel}`}
            >
              {resending ? 'Resending…' : 'Resend'}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr id={attemptsId} className="delivery-attempts">
          <td colSpan={COLUMNS}>
            <p className="delivery-attempts__summary">{delivery.summary}</p>
            <ol>
              {delivery.attempts.map((attempt, index) => (
                <li key={index}>
                  <time dateTime={attempt.attempted_at}>{formatShortDateTime(new Date(attempt.attempted_at))}</time>
                  {' — '}
                  {attempt.ok ? 'delivered' : 'failed'}
                  {attempt.http_status !== null && `, HTTP ${attempt.http_status}`}
                  {attempt.reason && `: ${attempt.reason}`} <span className="muted">({formatDuration(attempt.duration_ms / 1000)})</span>
                </li>
              ))}
            </ol>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The last attempt's HTTP status and reason, or why there is none yet. */
function outcome(delivery: Delivery, last: DeliveryAttempt | undefined) {
  if (delivery.status === 'suppressed') return delivery.reason ?? 'Suppressed: a repeat of a recent failure';
  if (!last) return delivery.status === 'pending' ? 'Waiting to be sent' : (delivery.reason ?? '—');
  const status = last.http_status === null ? '' : `HTTP ${last.http_status}`;
  const reason = last.ok ? '' : (last.reason ?? delivery.reason ?? '');
  const text = [status, reason].filter(Boolean).join(': ') || (last.ok ? 'Delivered' : 'Failed');
  if (delivery.status === 'pending' && delivery.next_attempt_at) {
    return (
      <>
        {text}; next try <RelativeTime value={delivery.next_attempt_at} />
      </>
    );
  }
  return text;
}
