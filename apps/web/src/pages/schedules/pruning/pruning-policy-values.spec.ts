import type { PruningPolicy } from '../../../api/pruning-policies';
import { EMPTY_PRUNING_POLICY, pruningPolicyFormValues, pruningPolicyInput, type PruningPolicyFormValues } from './pruning-policy-values';

const STORED: PruningPolicy = {
  id: 4,
  name: 'Keep a month',
  keep_within: '2d',
  keep_last: null,
  keep_secondly: null,
  keep_minutely: null,
  keep_hourly: 0,
  keep_daily: 7,
  keep_weekly: 4,
  keep_monthly: null,
  keep_yearly: null,
  glob_archives: 'docs-*',
  compact_after: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
};

const values = (changes: Partial<PruningPolicyFormValues>): PruningPolicyFormValues => ({ ...EMPTY_PRUNING_POLICY, ...changes });

describe('pruningPolicyFormValues', () => {
  it('holds counts as text, 0 as "0" and no rule as empty text', () => {
    expect(pruningPolicyFormValues(STORED)).toEqual({
      name: 'Keep a month',
      keep_within: '2d',
      keep_last: '',
      keep_secondly: '',
      keep_minutely: '',
      keep_hourly: '0',
      keep_daily: '7',
      keep_weekly: '4',
      keep_monthly: '',
      keep_yearly: '',
      glob_archives: 'docs-*',
      compact_after: true,
    });
  });

  it('shows no glob and no time span as empty text', () => {
    const form = pruningPolicyFormValues({ ...STORED, keep_within: null, glob_archives: null });
    expect(form.keep_within).toBe('');
    expect(form.glob_archives).toBe('');
  });
});

describe('pruningPolicyInput', () => {
  it('sends every rule, trimmed, numbers as numbers and empty ones as null', () => {
    expect(
      pruningPolicyInput(values({ name: ' Keep a month ', keep_within: ' 2d ', keep_daily: ' 7 ', keep_weekly: '4', compact_after: true })),
    ).toEqual({
      name: 'Keep a month',
      keep_within: '2d',
      keep_last: null,
      keep_secondly: null,
      keep_minutely: null,
      keep_hourly: null,
      keep_daily: 7,
      keep_weekly: 4,
      keep_monthly: null,
      keep_yearly: null,
      glob_archives: null,
      compact_after: true,
    });
  });

  it('sends a number the server will refuse as typed, so that its message stands at the field', () => {
    const input = pruningPolicyInput(values({ name: 'x', keep_daily: '1.5', keep_last: '0', glob_archives: 'docs-*' }));
    expect(input).toMatchObject({ keep_daily: 1.5, keep_last: 0, glob_archives: 'docs-*' });
  });

  it('reads back what it was given', () => {
    const input = pruningPolicyInput(pruningPolicyFormValues(STORED));
    expect(input).toEqual({
      name: STORED.name,
      keep_within: STORED.keep_within,
      keep_last: null,
      keep_secondly: null,
      keep_minutely: null,
      keep_hourly: 0,
      keep_daily: 7,
      keep_weekly: 4,
      keep_monthly: null,
      keep_yearly: null,
      glob_archives: 'docs-*',
      compact_after: true,
    });
  });
});
