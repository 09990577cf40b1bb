import type { DeliveryFilters, DeliveryStatus } from '../../api/notifications';
import { parseOffset } from '../../util/offset-param';
import { DELIVERY_EVENTS } from './event-words';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed', 'suppressed'];

export interface DeliveryLogView {
  filters: DeliveryFilters;
  offset: number;
}

/** The log's filters and page from the address (`?channel_id=&event=&status=&offset=`); only values the API knows. */
export function parseDeliveryView(params: URLSearchParams): DeliveryLogView {
  const filters: DeliveryFilters = {};
  const channel = Number(params.get('channel_id'));
  if (Number.isSafeInteger(channel) && channel > 0) filters.channel_id = channel;
  const event = DELIVERY_EVENTS.find((name) => name === params.get('event'));
  if (event) filters.event = event;
  const status = DELIVERY_STATUSES.find((name) => name === params.get('status'));
  if (status) filters.status = status;
  return { filters, offset: parseOffset(params.get('offset')) };
}

/** The address's search parameters for the log's filters and page; what is absent or 0 is left out. */
export function deliveryViewParams({ filters, offset }: DeliveryLogView): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.channel_id !== undefined) params['channel_id'] = String(filters.channel_id);
  if (filters.event) params['event'] = filters.event;
  if (filters.status) params['status'] = filters.status;
  if (offset > 0) params['offset'] = String(offset);
  return params;
}
