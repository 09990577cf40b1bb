import type { Channel, DeliveryFilters as Filters } from '../../api/notifications';
import { SelectField } from '../../components/select-field';
import { DELIVERY_STATUSES } from './delivery-filter-values';
import { deliveryStatusLabel } from './delivery-status-badge';
import { DELIVERY_EVENTS, EVENT_LABELS } from './event-words';

interface DeliveryFiltersProps {
  filters: Filters;
  channels: Channel[];
  onChange: (filters: Filters) => void;
}

/** Channel, event and status selects that narrow the log; "All" clears a filter. */
export function DeliveryFilters({ filters, channels, onChange }: DeliveryFiltersProps) {
  return (
    <div className="delivery-filters" role="search" aria-label="Filter deliveries">
      <SelectField
        label="Channel"
        name="channel_id"
        value={filters.channel_id === undefined ? '' : String(filters.channel_id)}
        onChange={(event) => onChange({ ...filters, channel_id: event.target.value ? Number(event.target.value) : undefined })}
      >
        <option value="">All channels</option>
        {/* A channel in the address that is not among the choices (deleted) still shows as chosen. */}
        {filters.channel_id !== undefined && !channels.some((channel) => channel.id === filters.channel_id) && (
          <option value={filters.channel_id}>Channel #{filters.channel_id}</option>
        )}
        {channels.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Event"
        name="event"
        value={filters.event ?? ''}
        onChange={(event) => onChange({ ...filters, event: DELIVERY_EVENTS.find((name) => name === event.target.value) })}
      >
        <option value="">All events</option>
        {DELIVERY_EVENTS.map((name) => (
          <option key={name} value={name}>
            {EVENT_LABELS[name]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        name="status"
        value={filters.status ?? ''}
        onChange={(event) => onChange({ ...filters, status: DELIVERY_STATUSES.find((status) => status === event.target.value) })}
      >
        <option value="">All statuses</option>
        {DELIVERY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {deliveryStatusLabel(status)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
