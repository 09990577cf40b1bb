import { errorMessage, fieldErrors } from '../api/errors';

/**
 * Why an action (preview, prune, check) was refused, in words. A 422 names
 * the field in its message ("Invalid input data: repository_id"); the reason
 * ("Repository 9 does not exist") is in its details.
 */
export function actionErrorMessage(error: unknown): string {
  const reasons = Object.values(fieldErrors(error)).flat();
  return reasons.length > 0 ? reasons.join(' ') : errorMessage(error);
}
