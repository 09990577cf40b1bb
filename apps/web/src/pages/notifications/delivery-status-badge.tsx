import type { DeliveryStatus } from '../../api/notifications';

const LOOKS: Record<DeliveryStatus, { label: string; tone: string }> = {
  pending: { label: 'Pending', tone: 'delivery-pending' },
  delivered: { label: 'Delivered', tone: 'badge--ok' },
  failed: { label: 'Failed', tone: 'badge--error' },
  suppressed: { label: 'Suppressed', tone: 'badge--neutral' },
};

/** A delivery's status as a coloured badge. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const look = LOOKS[status];
  return <span className={`badge ${look.tone}`}>{look.label}</span>;
}

export function deliveryStatusLabel(status: DeliveryStatus): string {
  return LOOKS[status].label;
}
