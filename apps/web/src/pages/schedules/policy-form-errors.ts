import { ApiRequestError } from '@borgitory/api-client';
import { errorMessage, fieldErrors } from '../../api/errors';

export interface PolicyFormErrors {
  /** Messages to show at the fields (or group of fields) they name. */
  fields: Record<string, string[]>;
  /** A message for the alert at the top of the form, when the error is not about a field the form shows. */
  alert: string | null;
}

interface PolicyFormErrorsOptions<T extends object> {
  /** The names the form shows messages for: request fields, and groups such as `keep`. */
  shown: readonly string[];
  /** What was sent, and what the form would send now. */
  sent: T | undefined;
  current: T;
  /** For a message about more than its own field, the request fields it is about. */
  dependsOn?: Record<string, readonly (keyof T & string)[]>;
}

/**
 * Sorts a refused save: validation details and a taken name (409) go to
 * their fields, anything else to the alert. A field's message is dropped once
 * the user changes a value it was about, so it never speaks of an old value.
 */
export function policyFormErrors<T extends object>(
  error: unknown,
  { shown, sent, current, dependsOn = {} }: PolicyFormErrorsOptions<T>,
): PolicyFormErrors {
  if (!error) return { fields: {}, alert: null };
  const byField = fieldErrors(error);
  if (error instanceof ApiRequestError && error.code === 'CONFLICT' && typeof error.details?.['field'] === 'string') {
    byField[error.details['field']] = [error.message];
  }
  if (Object.keys(byField).length === 0) return { fields: {}, alert: errorMessage(error) };

  const before = (sent ?? {}) as Record<string, unknown>;
  const now = current as Record<string, unknown>;
  const unchanged = (field: string) =>
    (dependsOn[field] ?? [field]).every((name) => JSON.stringify(before[name]) === JSON.stringify(now[name]));

  const fields: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    if (!shown.includes(field)) elsewhere.push(...messages);
    else if (unchanged(field)) fields[field] = messages;
  }
  return { fields, alert: elsewhere.length > 0 ? elsewhere.join(' ') : null };
}
