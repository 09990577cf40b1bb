import { ApiRequestError } from '@borgitory/api-client';
import { errorMessage, fieldErrors } from '../api/errors';

export interface SaveErrors {
  /** Messages to show at the fields (or group of fields) they name. */
  fields: Record<string, string[]>;
  /** A message for the alert at the top of the form, when the error is not about a field the form shows. */
  alert: string | null;
}

interface SaveErrorsOptions<T extends object> {
  /** The names the form shows messages for: request fields, groups such as `keep`, nested fields such as `pre_hooks.0.command`. */
  shown: readonly string[];
  /** What was sent, and what the form would send now. */
  sent: T | undefined;
  current: T;
  /** For a message about more than its own field, the request fields it is about. */
  dependsOn?: Record<string, readonly string[]>;
}

/**
 * Sorts a refused save of a policy or schedule form: validation details and a
 * taken name (409) go to their fields, anything else to the alert. A field's
 * message is dropped once the user changes a value it was about, so it never
 * speaks of an old value. Nested fields are named by their path, as the
 * server names them (`post_hooks.1.env`).
 */
export function saveErrors<T extends object>(error: unknown, { shown, sent, current, dependsOn = {} }: SaveErrorsOptions<T>): SaveErrors {
  if (!error) return { fields: {}, alert: null };
  const byField = fieldErrors(error);
  if (error instanceof ApiRequestError && error.code === 'CONFLICT' && typeof error.details?.['field'] === 'string') {
    byField[error.details['field']] = [error.message];
  }
  if (Object.keys(byField).length === 0) return { fields: {}, alert: errorMessage(error) };

  const unchanged = (field: string) =>
    (dependsOn[field] ?? [field]).every((path) => JSON.stringify(valueAt(sent, path)) === JSON.stringify(valueAt(current, path)));

  const fields: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    if (!shown.includes(field)) elsewhere.push(...messages);
    else if (unchanged(field)) fields[field] = messages;
  }
  return { fields, alert: elsewhere.length > 0 ? elsewhere.join(' ') : null };
}

/** The value at a dotted path (`pre_hooks.0.command`), or undefined where there is none. */
function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
