import { useId } from 'react';
import type { EventName, NotificationCatalog } from '../../api/notifications';
import { CheckboxField } from '../../components/checkbox-field';
import { EVENT_LABELS, eventGroups } from './event-words';

interface EventsFieldsetProps {
  catalog: NotificationCatalog;
  value: readonly EventName[];
  onChange: (event: EventName, chosen: boolean) => void;
  errors?: string[];
}

/** The events the channel is told about: a checkbox each, with what it means, in groups. */
export function EventsFieldset({ catalog, value, onChange, errors = [] }: EventsFieldsetProps) {
  const id = useId();
  const invalid = errors.length > 0;
  return (
    <fieldset
      className="fieldset events-fieldset"
      aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid={invalid || undefined}
      tabIndex={invalid ? -1 : undefined}
    >
      <legend>Events</legend>
      <p id={`${id}-hint`} className="field__hint">
        What the channel is told about. Tests are sent whatever is chosen here.
      </p>
      {eventGroups(catalog.events).map((group) => (
        <fieldset key={group.legend} className="choice-group event-group">
          <legend>{group.legend}</legend>
          {group.events.map((event) => (
            <CheckboxField
              key={event.name}
              label={EVENT_LABELS[event.name]}
              hint={event.description}
              checked={value.includes(event.name)}
              onChange={(chosen) => onChange(event.name, chosen)}
            />
          ))}
        </fieldset>
      ))}
      {invalid && (
        <ul id={`${id}-error`} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
