import type { Host } from '../../api/hosts';
import { SelectField } from '../select-field';

interface BackUpFromFieldProps {
  hosts: Host[];
  /** The chosen host's id, or '' for this server. */
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

/**
 * "Back up from": this server, or one of the hosts, which Borgitory logs in to and runs borg on, into a repository on
 * this server. Back up now and the schedule form.
 */
export function BackUpFromField({ hosts, value, onChange, errors }: BackUpFromFieldProps) {
  const chosen = hosts.find((host) => String(host.id) === value);
  return (
    <SelectField
      label="Back up from"
      name="host"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={
        chosen
          ? `Borgitory logs in to ${chosen.name} and runs borg there, into a repository on this server.`
          : 'This server, or a host Borgitory logs in to over ssh.'
      }
      errors={errors}
    >
      <option value="">This server</option>
      {hosts.map((host) => (
        <option key={host.id} value={host.id}>
          {host.name}
        </option>
      ))}
    </SelectField>
  );
}
