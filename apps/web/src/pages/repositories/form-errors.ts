import { ApiRequestError } from '@borgitory/api-client';
import { errorMessage, fieldErrors } from '../../api/errors';

export interface FormErrors {
  /** Messages to show under the fields they name. */
  fields: Record<string, string[]>;
  /** A message for the alert at the top of the form, when the error is not about one field. */
  alert: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  path: 'Location',
  passphrase: 'Passphrase',
  encryption: 'Encryption',
  key_file: 'Key file',
  ssh_private_key: 'Private key',
  ssh_host_key_policy: 'Host key policy',
};

/**
 * Sorts a failed save into messages for the fields the form shows and one
 * alert for the rest: validation details, a name or path that is taken, and a
 * wrong passphrase belong to their fields; borg and ssh failures to the alert.
 */
export function repositoryFormErrors(error: unknown, shownFields: readonly string[]): FormErrors {
  if (!error) return { fields: {}, alert: null };
  const byField = { ...fieldErrors(error) };
  if (error instanceof ApiRequestError) {
    const field = error.details?.['field'];
    if (error.code === 'CONFLICT' && typeof field === 'string') byField[field] = [error.message];
    if (error.code === 'BORG_PASSPHRASE_WRONG') byField['passphrase'] = [error.message];
  }

  const fields: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    if (shownFields.includes(field)) fields[field] = messages;
    else elsewhere.push(...messages.map((message) => `${FIELD_LABELS[field] ?? field}: ${message}`));
  }
  if (Object.keys(byField).length === 0) return { fields, alert: errorMessage(error) };
  return { fields, alert: elsewhere.length > 0 ? elsewhere.join(' ') : null };
}

/**
 * The field messages whose field still holds the refused value: once the user
 * changes a field, the server's message about its old value is no longer shown.
 */
export function stillRelevant(fields: Record<string, string[]>, sent: object | undefined, current: object): Record<string, string[]> {
  if (!sent) return fields;
  const before = sent as Record<string, unknown>;
  const now = current as Record<string, unknown>;
  return Object.fromEntries(Object.entries(fields).filter(([field]) => before[field] === now[field]));
}
