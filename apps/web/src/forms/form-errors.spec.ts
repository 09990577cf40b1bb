import { ApiRequestError } from '@borgitory/api-client';
import { actionErrorMessage, formErrors, NO_FORM_ERRORS } from './form-errors';

const UNREACHABLE = 'Could not reach the Borgitory server. Check that it is running and try again.';

function validation(details: Record<string, unknown>): ApiRequestError {
  return new ApiRequestError(422, 'VALIDATION_ERROR', `Please correct: ${Object.keys(details).join(', ')}`, details);
}

describe('formErrors', () => {
  it('has nothing to say without an error', () => {
    expect(formErrors(null, { shown: ['name'] })).toEqual(NO_FORM_ERRORS);
  });

  it('puts validation messages at the fields the form shows, starting with a capital', () => {
    const error = validation({ name: ['name must be shorter than or equal to 100 characters'], keep: ['Set at least one keep rule'] });
    expect(formErrors(error, { shown: ['name', 'keep'] })).toEqual({
      fields: { name: ['Name must be shorter than or equal to 100 characters'], keep: ['Set at least one keep rule'] },
      alert: null,
    });
  });

  it('ignores details that are not lists of messages', () => {
    const error = validation({ name: ['Too long', 42], job_id: 7 });
    expect(formErrors(error, { shown: ['name'] })).toEqual({ fields: { name: ['Too long'] }, alert: null });
  });

  it('says in the alert what is about a field the form does not show', () => {
    const error = validation({ name: ['Too long'], enabled: ['Must be a boolean', 'Is required'] });
    expect(formErrors(error, { shown: ['name'] })).toEqual({ fields: { name: ['Too long'] }, alert: 'Must be a boolean Is required' });
  });

  it('names those fields in the alert when given labels, by their own name where there is no label', () => {
    const error = validation({ key_file: ['Is not a key'], mode: ['Is unknown'] });
    expect(formErrors(error, { shown: [], labels: { key_file: 'Key file' } }).alert).toBe('Key file: Is not a key mode: Is unknown');
  });

  it('gives the alert the message of a refusal that is about no field', () => {
    const error = new ApiRequestError(400, 'BORG_ERROR', 'borg could not open the repository');
    expect(formErrors(error, { shown: ['name'] })).toEqual({ fields: {}, alert: 'borg could not open the repository' });
  });

  it('says that the server could not be reached when it did not answer', () => {
    expect(formErrors(new TypeError('Failed to fetch'), { shown: ['name'] })).toEqual({ fields: {}, alert: UNREACHABLE });
  });

  it('puts a taken name (a 409 that names its field) at that field', () => {
    const error = new ApiRequestError(409, 'CONFLICT', 'A schedule named "Nightly" already exists', { field: 'name' });
    expect(formErrors(error, { shown: ['name'] })).toEqual({
      fields: { name: ['A schedule named "Nightly" already exists'] },
      alert: null,
    });
  });

  it('puts a refusal whose code is about one field at that field', () => {
    const error = new ApiRequestError(400, 'BORG_PASSPHRASE_WRONG', 'The passphrase is wrong');
    expect(formErrors(error, { shown: ['passphrase'], codeFields: { BORG_PASSPHRASE_WRONG: 'passphrase' } })).toEqual({
      fields: { passphrase: ['The passphrase is wrong'] },
      alert: null,
    });
    expect(formErrors(error, { shown: ['passphrase'] })).toEqual({ fields: {}, alert: 'The passphrase is wrong' });
  });

  describe('once the user changes what was refused', () => {
    const error = validation({ name: ['Is taken'], 'pre_hooks.0.command': ['Is empty'], source_path: ['/srv/x does not exist'] });
    const sent = { name: 'Nightly', pre_hooks: [{ command: '' }], source_paths: ['/srv/x'] };
    const shown = ['name', 'pre_hooks.0.command', 'source_path'];
    const dependsOn = { source_path: ['source_paths'] };

    it('keeps the messages while the values are the ones sent', () => {
      expect(formErrors(error, { shown, sent, current: structuredClone(sent), dependsOn }).fields).toEqual({
        name: ['Is taken'],
        'pre_hooks.0.command': ['Is empty'],
        source_path: ['/srv/x does not exist'],
      });
    });

    it('drops the message of a field that now holds another value, nested ones by their path', () => {
      const current = { ...sent, name: 'Nightly 2', pre_hooks: [{ command: 'true' }] };
      expect(formErrors(error, { shown, sent, current, dependsOn })).toEqual({
        fields: { source_path: ['/srv/x does not exist'] },
        alert: null,
      });
    });

    it('drops a message about more than its own field when one of the fields it is about changes', () => {
      const current = { ...sent, source_paths: ['/srv/x', '/srv/y'] };
      expect(formErrors(error, { shown, sent, current, dependsOn }).fields['source_path']).toBeUndefined();
    });

    it('keeps every message when it is not told what was sent', () => {
      expect(Object.keys(formErrors(error, { shown }).fields)).toEqual(shown);
    });
  });
});

describe('actionErrorMessage', () => {
  it('gives the reasons in the details rather than the message that names their fields', () => {
    const error = validation({ repository_id: ['Repository 9 does not exist'] });
    expect(actionErrorMessage(error)).toBe('Repository 9 does not exist');
  });

  it('gives the message when there are no details', () => {
    expect(actionErrorMessage(new ApiRequestError(409, 'REPOSITORY_BUSY', 'The repository is busy'))).toBe('The repository is busy');
    expect(actionErrorMessage(new Error('offline'))).toBe(UNREACHABLE);
  });
});
