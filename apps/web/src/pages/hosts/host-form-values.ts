import type { Host, HostInput, HostKeyPolicy, HostUpdate } from '../../api/hosts';

/** The host form's values, as typed. */
export interface HostFormValues {
  name: string;
  address: string;
  hostKeyPolicy: HostKeyPolicy;
  /** Shown (and sent) only with the strict policy. */
  hostKey: string;
}

export const NEW_HOST_VALUES: HostFormValues = { name: '', address: '', hostKeyPolicy: 'accept-new', hostKey: '' };

/** The form's values for changing a host: its settings; the host key empty (the known one is kept unless one is given). */
export function hostFormValues(host: Host): HostFormValues {
  return { name: host.name, address: host.address, hostKeyPolicy: host.host_key_policy, hostKey: '' };
}

/** The request fields the host form shows a message at: the host key only where its box is shown. */
export function shownHostFields(values: HostFormValues): string[] {
  return ['name', 'address', 'host_key_policy', ...(values.hostKeyPolicy === 'strict' ? ['host_key'] : [])];
}

/** The body of a new host: the host key only with the strict policy, and only when one was pasted. */
export function hostInput(values: HostFormValues): HostInput {
  const input: HostInput = { name: values.name, address: values.address.trim(), host_key_policy: values.hostKeyPolicy };
  const hostKey = strictHostKey(values);
  if (hostKey !== null) input.host_key = hostKey;
  return input;
}

/** Only what differs from the host; a host key pasted for the strict policy replaces the known one. */
export function hostChanges(host: Host, values: HostFormValues): HostUpdate {
  const changes: HostUpdate = {};
  if (values.name.trim() !== host.name) changes.name = values.name;
  if (values.address.trim() !== host.address) changes.address = values.address.trim();
  if (values.hostKeyPolicy !== host.host_key_policy) changes.host_key_policy = values.hostKeyPolicy;
  const hostKey = strictHostKey(values);
  if (hostKey !== null) changes.host_key = hostKey;
  return changes;
}

function strictHostKey(values: HostFormValues): string | null {
  const hostKey = values.hostKey.trim();
  return values.hostKeyPolicy === 'strict' && hostKey !== '' ? hostKey : null;
}

/** Where Borgitory logs in, as ssh users write it: `backup@nas.local:22`, an IPv6 address in brackets. */
export function hostEndpoint(host: Pick<Host, 'ssh_user' | 'hostname' | 'port'>): string {
  const hostname = host.hostname.includes(':') ? `[${host.hostname}]` : host.hostname;
  return `${host.ssh_user}@${hostname}:${host.port}`;
}
