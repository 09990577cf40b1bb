import type { CheckPolicy, CheckPolicyInput, CheckScope } from '../../../api/check-policies';

/** The form's values: numbers as typed text, `''` for none. */
export interface CheckPolicyFormValues {
  name: string;
  scope: CheckScope;
  verify_data: boolean;
  max_duration: string;
  glob_archives: string;
  first: string;
  last: string;
}

export const EMPTY_CHECK_POLICY: CheckPolicyFormValues = {
  name: '',
  scope: 'full',
  verify_data: false,
  max_duration: '',
  glob_archives: '',
  first: '',
  last: '',
};

export function checkPolicyFormValues(policy: CheckPolicy): CheckPolicyFormValues {
  return {
    name: policy.name,
    scope: policy.scope,
    verify_data: policy.verify_data,
    max_duration: numberText(policy.max_duration),
    glob_archives: policy.glob_archives ?? '',
    first: numberText(policy.first),
    last: numberText(policy.last),
  };
}

/** Which fields the scope allows: a time limit only for the repository alone, data and archive choice only with archives. */
export function allowedFields(scope: CheckScope): { timeLimit: boolean; archives: boolean } {
  const repositoryOnly = scope === 'repository_only';
  return { timeLimit: repositoryOnly, archives: !repositoryOnly };
}

/**
 * The request body. A field the scope does not allow is sent empty: it is
 * disabled in the form, and its value is kept there in case the scope changes back.
 */
export function checkPolicyInput(values: CheckPolicyFormValues): CheckPolicyInput {
  const allowed = allowedFields(values.scope);
  return {
    name: values.name.trim(),
    scope: values.scope,
    verify_data: allowed.archives && values.verify_data,
    max_duration: allowed.timeLimit ? numberOrNull(values.max_duration) : null,
    glob_archives: allowed.archives ? values.glob_archives.trim() || null : null,
    first: allowed.archives ? numberOrNull(values.first) : null,
    last: allowed.archives ? numberOrNull(values.last) : null,
  };
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
