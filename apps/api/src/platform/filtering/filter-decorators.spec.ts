import { DomainError } from '../errors/domain-error';
import { HTTP_STATUS } from '../http/error-status';
import { ApiValidationPipe } from '../http/validation.pipe';
import { FilterIdSet, FilterSet, FilterSize, FilterText, FilterTime, SortQuery } from './filter-decorators';
import { ListQueryDto } from './list-query.dto';

class ThingQuery extends ListQueryDto {
  @FilterSet(['on', 'off'], { description: 'States', example: 'on' })
  state?: string[];

  @FilterIdSet({ description: 'Owners', example: '1,2' })
  owner_id?: number[];

  @FilterTime({ description: 'Made from', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterSize({ description: 'Smallest', example: '1' })
  min_size?: number;

  @FilterText({ description: 'Name part', example: 'a' })
  q?: string;

  @SortQuery(['created_at', 'name'], { default: '-created_at', example: '-created_at' })
  sort?: string[];
}

const pipe = new ApiValidationPipe();
const read = (query: Record<string, unknown>) => pipe.transform(query, { type: 'query', metatype: ThingQuery }) as Promise<ThingQuery>;

async function refusal(query: Record<string, unknown>): Promise<{ status: number; details: Record<string, string[]> }> {
  try {
    await read(query);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: HTTP_STATUS[error.code], details: (error.details ?? {}) as Record<string, string[]> };
  }
  throw new Error('expected a refusal');
}

describe('a filtered list query', () => {
  it('reads sets, ids, times, sizes, text and the sort', async () => {
    const query = await read({
      state: 'on,off',
      owner_id: ['1', '2,3'],
      created_after: '2026-12-01T00:00:00Z',
      min_size: '10',
      q: 'docs',
      sort: '-created_at,name',
    });
    expect({ ...query }).toEqual({
      limit: 50,
      offset: 0,
      state: ['on', 'off'],
      owner_id: [1, 2, 3],
      created_after: new Date('2026-12-01T00:00:00Z'),
      min_size: 10,
      q: 'docs',
      sort: ['-created_at', 'name'],
    });
  });

  it('answers an unknown filter with 422 naming it', async () => {
    expect(await refusal({ colour: 'red' })).toEqual({ status: 422, details: { colour: ['Unknown field "colour"'] } });
  });

  it('answers an unknown sort field with 422 naming it', async () => {
    expect(await refusal({ sort: '-size' })).toEqual({
      status: 422,
      details: { sort: ['Sort has an unknown field "size" (sort by created_at, name, each with - for descending)'] },
    });
  });

  it('answers bad values with 422 naming the field', async () => {
    expect(await refusal({ state: 'on,broken' })).toEqual({
      status: 422,
      details: { state: ['State has an unknown value "broken" (one of on, off)'] },
    });
    expect((await refusal({ created_after: 'yesterday' })).details).toEqual({ created_after: ['Created after must be a date and time'] });
    expect((await refusal({ owner_id: '1,x' })).status).toBe(422);
    expect(Object.keys((await refusal({ owner_id: '1,x' })).details)).toEqual(['owner_id']);
    expect((await refusal({ min_size: '-1' })).details).toEqual({ min_size: ['Min size must be at least 0'] });
    expect((await refusal({ q: '' })).details).toEqual({ q: ['Q must not be empty'] });
  });

  it('keeps a malformed page a 400, as on every list', async () => {
    expect(await refusal({ limit: 'many', state: 'broken' })).toMatchObject({ status: 400 });
  });
});
