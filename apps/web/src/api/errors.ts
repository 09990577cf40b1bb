import { ApiRequestError } from '@borgitory/api-client';

/** A sentence for the user: the server's message when it answered, otherwise a generic one. Field by field: forms/form-errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return 'Could not reach the Borgitory server. Check that it is running and try again.';
}
