import { ApiRequestError } from '@borgitory/api-client';
import { errorMessage } from '../api/errors';

/** Messages by the request field they are about; a nested field by its path, as the server names it (`post_hooks.1.env`). */
export type FieldErrors = Record<string, string[]>;

/** A refused request as a form shows it: messages at its fields, and the rest at its top. */
export interface FormErrors {
  /** Messages to show at the fields (or groups of fields) they name. */
  fields: FieldErrors;
  /** A message for the alert at the top of the form, when the refusal is not about a field the form shows. */
  alert: string | null;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, alert: null };

export interface FormErrorsOptions<T> {
  /** The names the form shows messages for: request fields, groups such as `keep`, nested fields such as `pre_hooks.0.command`. */
  shown?: readonly string[];
  /** What was sent, and what the form would send now: a field's message goes once the user changes a value it was about (without `sent`, none goes). */
  sent?: T;
  current?: T;
  /** For a message about more than its own field, the request fields it is about. */
  dependsOn?: Record<string, readonly string[]>;
  /** Refusals whose code is about one field (`BORG_PASSPHRASE_WRONG` → `passphrase`). */
  codeFields?: Record<string, string>;
  /** When given, the alert names each field the form does not show: "Key file: …" (by the field's own name where it has no label). */
  labels?: Record<string, string>;
}

/**
 * Sorts a refusal into messages at the fields the form shows and one alert
 * for the rest. Validation details, a 409 that names its field (a taken
 * name) and a code listed in `codeFields` belong to fields; anything else,
 * such as a borg or ssh failure, to the alert. A field's message is dropped
 * once the user changes a value it was about, so it never speaks of an old
 * value.
 */
export function formErrors<T>(
  error: unknown,
  { shown = [], sent, current, dependsOn = {}, codeFields = {}, labels }: FormErrorsOptions<T> = {},
): FormErrors {
  if (!error) return NO_FORM_ERRORS;
  const byField = fieldErrors(error, codeFields);
  if (Object.keys(byField).length === 0) return { fields: {}, alert: errorMessage(error) };

  const unchanged = (field: string) =>
    sent === undefined ||
    (dependsOn[field] ?? [field]).every((path) => JSON.stringify(valueAt(sent, path)) === JSON.stringify(valueAt(current, path)));

  const fields: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    if (!shown.includes(field)) elsewhere.push(...(labels ? messages.map((message) => `${labels[field] ?? field}: ${message}`) : messages));
    else if (unchanged(field)) fields[field] = messages;
  }
  return { fields, alert: elsewhere.length > 0 ? elsewhere.join(' ') : null };
}

/**
 * Why an action (a preview, a prune, a check, a sync) was refused, in words.
 * A 422's headline may only name its fields ("Please correct: Repository id");
 * the reason ("Repository 9 does not exist") is in its details.
 */
export function actionErrorMessage(error: unknown): string {
  return formErrors(error).alert ?? errorMessage(error);
}

/** The messages of a refusal by field: its validation details (`{ field: [messages] }`), a 409's field, a code's field. */
function fieldErrors(error: unknown, codeFields: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(error.details ?? {})) {
    if (!Array.isArray(messages)) continue;
    result[field] = messages.filter((m): m is string => typeof m === 'string').map(sentenceCase);
  }
  const conflicting = error.details?.['field'];
  if (error.code === 'CONFLICT' && typeof conflicting === 'string') result[conflicting] = [error.message];
  const codeField = codeFields[error.code];
  if (codeField) result[codeField] = [error.message];
  return result;
}

/** class-validator starts its messages with the property name ("password must be…"). */
function sentenceCase(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
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
