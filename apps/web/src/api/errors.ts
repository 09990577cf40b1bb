import { ApiRequestError } from '@borgitory/api-client';

/** Per-field messages from a validation error's `details` (`{ field: [messages] }`). */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiRequestError) || !error.details) return {};
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.details)) {
    if (!Array.isArray(messages)) continue;
    result[field] = messages.filter((m): m is string => typeof m === 'string').map(sentenceCase);
  }
  return result;
}

/** A sentence for the user: the server's message when it answered, otherwise a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return 'Could not reach the Borgitory server. Check that it is running and try again.';
}

/** class-validator starts its messages with the property name ("password must be…"). */
function sentenceCase(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
