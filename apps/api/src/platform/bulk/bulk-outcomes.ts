import { Logger } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { BulkResultDto } from './bulk-result.dto';

const logger = new Logger('Bulk');

/**
 * Runs `action` on each id in turn (one after the other, in the request's order); each succeeds or fails on its
 * own. A domain error is the item's outcome as the single-item operation would answer it; any other error is
 * logged and reported as INTERNAL_ERROR without its details.
 */
export async function eachOutcome(ids: number[], action: (id: number) => Promise<unknown>): Promise<BulkResultDto> {
  const results: BulkResultDto['results'] = [];
  for (const id of ids) {
    try {
      await action(id);
      results.push({ id, status: 'succeeded' });
    } catch (error) {
      if (error instanceof DomainError) {
        results.push({ id, status: 'failed', error: { code: error.code, message: error.message } });
        continue;
      }
      logger.error({ err: error }, `A bulk operation failed on item ${id}`);
      results.push({
        id,
        status: 'failed',
        error: { code: ErrorCode.INTERNAL_ERROR, message: `Item ${id} failed with an internal error` },
      });
    }
  }
  return { results };
}

/** 200 when every item succeeded; 207 when any failed (also when all of them did: the body tells each outcome). */
export function bulkStatus(result: BulkResultDto): 200 | 207 {
  return result.results.every((item) => item.status === 'succeeded') ? 200 : 207;
}
