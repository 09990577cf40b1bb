import type { BulkResult } from '../../api/jobs';

/** What a bulk operation did, in words: "9 cancelled, 1 failed", and why each failure failed. */
export interface BulkSummary {
  headline: string;
  failures: string[];
  allSucceeded: boolean;
}

/** `done` is the past participle of the action ("cancelled", "queued again"). */
export function summarizeBulk(result: BulkResult, done: string): BulkSummary {
  const failed = result.results.filter((item) => item.status === 'failed');
  const succeeded = result.results.length - failed.length;
  const parts = [`${succeeded} ${done}`, ...(failed.length > 0 ? [`${failed.length} failed`] : [])];
  return {
    headline: parts.join(', '),
    failures: failed.map((item) => item.error?.message ?? `#${item.id} failed`),
    allSucceeded: failed.length === 0,
  };
}
