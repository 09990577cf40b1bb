import { Logger } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { bulkStatus, eachOutcome } from './bulk-outcomes';

describe('eachOutcome', () => {
  it('runs each id in order; a domain error fails that item alone, any other error is an internal one', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    const result = await eachOutcome([3, 1, 2], async (id) => {
      seen.push(id);
      if (id === 1) throw DomainError.notFound('Job 1 does not exist');
      if (id === 2) throw new Error('disk on fire');
    });
    expect(seen).toEqual([3, 1, 2]);
    expect(result.results).toEqual([
      { id: 3, status: 'succeeded' },
      { id: 1, status: 'failed', error: { code: 'NOT_FOUND', message: 'Job 1 does not exist' } },
      { id: 2, status: 'failed', error: { code: 'INTERNAL_ERROR', message: 'Item 2 failed with an internal error' } },
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('answers 200 when every item succeeded and 207 when any failed, all of them too', () => {
    const failed = { id: 2, status: 'failed' as const, error: { code: DomainError.conflict('x').code, message: 'x' } };
    expect(bulkStatus({ results: [{ id: 1, status: 'succeeded' }] })).toBe(200);
    expect(bulkStatus({ results: [{ id: 1, status: 'succeeded' }, failed] })).toBe(207);
    expect(bulkStatus({ results: [failed] })).toBe(207);
  });
});
