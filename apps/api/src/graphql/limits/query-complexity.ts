import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE } from '../types/connection';

/** What one operation may cost: each field 1, a list field its page size (`first`) times what one item costs. */
export const MAX_QUERY_COMPLEXITY = 20_000;

/** A list's cost: `first` items (or `defaultSize`, what it gives without `first`) of what one of them costs. */
export function listComplexity(defaultSize = DEFAULT_PAGE_SIZE) {
  return ({ args, childComplexity }: ComplexityEstimatorArgs): number => {
    const first = typeof args['first'] === 'number' ? args['first'] : defaultSize;
    return 1 + first * Math.max(childComplexity, 1);
  };
}
