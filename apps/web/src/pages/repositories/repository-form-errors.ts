import { formErrors, type FormErrors } from '../../forms/form-errors';

/** How the alert names a field the form does not show. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  path: 'Location',
  passphrase: 'Passphrase',
  encryption: 'Encryption',
  key_file: 'Key file',
  ssh_private_key: 'Private key',
  ssh_host_key_policy: 'Host key policy',
  max_age_hours: 'Maximum age of the newest archive',
};

/**
 * A refused create, import or edit of a repository (formErrors): besides
 * validation and a name or path that is taken, a wrong passphrase belongs to
 * its field; borg and ssh failures go to the alert, and the alert names the
 * fields the form does not show.
 */
export function repositoryFormErrors<T extends object>(
  error: unknown,
  shown: readonly string[],
  sent: T | undefined,
  current: T,
): FormErrors {
  return formErrors(error, { shown, sent, current, labels: FIELD_LABELS, codeFields: { BORG_PASSPHRASE_WRONG: 'passphrase' } });
}
