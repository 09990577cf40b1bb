import { useEffect, useState, type FormEvent } from 'react';
import type { AuditAction } from '../../api/audit';
import type { User } from '../../api/auth';
import { ComboboxField } from '../../components/combobox-field';
import { FormField } from '../../components/form-field';
import { formatCountOf } from '../../format/count';
import { SelectField } from '../../components/select-field';
import type { AuditFilterValues } from './audit-filter-values';

interface AuditFiltersProps {
  filters: AuditFilterValues;
  users: User[];
  /** The operations the log holds, offered by the action filter. */
  actions: AuditAction[];
  onChange: (filters: AuditFilterValues) => void;
}

/**
 * User, action and day filters over the log. The user and the days apply at once; the action, which must be
 * named exactly as the log names it, applies when one is chosen from the list or Enter is pressed.
 */
export function AuditFilters({ filters, users, actions, onChange }: AuditFiltersProps) {
  const [action, setAction] = useState(filters.action ?? '');

  // The action in the address may change from elsewhere (a link in the table, "Show the whole log").
  useEffect(() => setAction(filters.action ?? ''), [filters.action]);

  function applyAction(value: string) {
    const wanted = value.trim() || undefined;
    if (wanted !== filters.action) onChange({ ...filters, action: wanted });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    applyAction(action);
  }

  return (
    <form className="audit-filters" role="search" aria-label="Filter the audit log" onSubmit={submit}>
      <SelectField
        label="User"
        className="audit-filters__wide"
        value={filters.user_id === undefined ? '' : String(filters.user_id)}
        onChange={(event) => onChange({ ...filters, user_id: event.target.value ? Number(event.target.value) : undefined })}
      >
        <option value="">All users</option>
        {/* A user in the address that is not among the choices (deleted) still shows as chosen. */}
        {filters.user_id !== undefined && !users.some((user) => user.id === filters.user_id) && (
          <option value={filters.user_id}>User #{filters.user_id}</option>
        )}
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.username}
          </option>
        ))}
      </SelectField>
      <ComboboxField
        label="Action"
        name="action"
        className="audit-filters__wide"
        placeholder="All actions"
        value={action}
        options={actions.map((known) => ({ value: known.action, description: formatCountOf(known.entries, 'entry', 'entries') }))}
        onChange={(value) => {
          setAction(value);
          if (actions.some((known) => known.action === value)) applyAction(value);
        }}
      />
      <FormField
        label="From"
        type="date"
        value={filters.since ?? ''}
        max={filters.until}
        onChange={(event) => onChange({ ...filters, since: event.target.value || undefined })}
      />
      <FormField
        label="To"
        type="date"
        value={filters.until ?? ''}
        min={filters.since}
        onChange={(event) => onChange({ ...filters, until: event.target.value || undefined })}
      />
    </form>
  );
}
