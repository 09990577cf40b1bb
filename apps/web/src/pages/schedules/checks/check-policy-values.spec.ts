import type { CheckPolicy } from '../../../api/check-policies';
import {
  EMPTY_CHECK_POLICY,
  allowedFields,
  checkPolicyFormValues,
  checkPolicyInput,
  type CheckPolicyFormValues,
} from './check-policy-values';

const STORED: CheckPolicy = {
  id: 3,
  name: 'Weekly full check',
  scope: 'full',
  verify_data: true,
  max_duration: null,
  glob_archives: 'documents-*',
  first: null,
  last: 5,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
};

const values = (changes: Partial<CheckPolicyFormValues>): CheckPolicyFormValues => ({ ...EMPTY_CHECK_POLICY, ...changes });

describe('checkPolicyFormValues', () => {
  it('holds numbers as text and none as empty text', () => {
    expect(checkPolicyFormValues(STORED)).toEqual({
      name: 'Weekly full check',
      scope: 'full',
      verify_data: true,
      max_duration: '',
      glob_archives: 'documents-*',
      first: '',
      last: '5',
    });
  });

  it('keeps 0 as "0", not as none', () => {
    const form = checkPolicyFormValues({ ...STORED, scope: 'repository_only', max_duration: 0, glob_archives: null, first: 0 });
    expect(form.max_duration).toBe('0');
    expect(form.first).toBe('0');
    expect(form.glob_archives).toBe('');
  });
});

describe('allowedFields', () => {
  it('allows a time limit only when the repository alone is checked', () => {
    expect(allowedFields('repository_only')).toEqual({ timeLimit: true, archives: false });
  });

  it('allows the archive choice and data verification whenever archives are checked', () => {
    expect(allowedFields('full')).toEqual({ timeLimit: false, archives: true });
    expect(allowedFields('archives_only')).toEqual({ timeLimit: false, archives: true });
  });
});

describe('checkPolicyInput', () => {
  it('sends what the form shows for a full check, numbers as numbers', () => {
    expect(
      checkPolicyInput(
        values({ name: '  Weekly  ', scope: 'full', verify_data: true, glob_archives: ' docs-* ', first: '0', last: ' 12 ' }),
      ),
    ).toEqual({
      name: 'Weekly',
      scope: 'full',
      verify_data: true,
      max_duration: null,
      glob_archives: 'docs-*',
      first: 0,
      last: 12,
    });
  });

  it('sends empty fields as null', () => {
    expect(checkPolicyInput(values({ name: 'Quick', scope: 'archives_only', glob_archives: '   ', first: '', last: ' ' }))).toEqual({
      name: 'Quick',
      scope: 'archives_only',
      verify_data: false,
      max_duration: null,
      glob_archives: null,
      first: null,
      last: null,
    });
  });

  it('sends a field the scope does not allow as empty, though the form keeps its value', () => {
    const kept = values({ scope: 'full', verify_data: true, max_duration: '3600', glob_archives: 'docs-*', first: '1', last: '2' });
    expect(checkPolicyInput(kept).max_duration).toBeNull();
    expect(checkPolicyInput({ ...kept, scope: 'repository_only' })).toEqual({
      name: '',
      scope: 'repository_only',
      verify_data: false,
      max_duration: 3600,
      glob_archives: null,
      first: null,
      last: null,
    });
  });

  it('gives back the stored policy after a round trip through the form', () => {
    expect(checkPolicyInput(checkPolicyFormValues(STORED))).toEqual({
      name: STORED.name,
      scope: STORED.scope,
      verify_data: STORED.verify_data,
      max_duration: STORED.max_duration,
      glob_archives: STORED.glob_archives,
      first: STORED.first,
      last: STORED.last,
    });
  });
});
