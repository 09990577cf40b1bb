import { listOrder, ListSpec, listWhere, orderBySql } from './list-spec';

interface Query {
  status?: string[];
  owner_id?: number[];
  created_after?: Date;
  created_before?: Date;
  min_size?: number;
  max_size?: number;
  q?: string;
  glob?: string;
  sort?: string[];
}

const SPEC: ListSpec<Query> = {
  filters: {
    status: { column: 'status', kind: 'in' },
    owner_id: { column: 'owner_id', kind: 'in' },
    created_after: { column: 'created_at', kind: 'from' },
    created_before: { column: 'created_at', kind: 'before' },
    min_size: { column: 'size', kind: 'min' },
    max_size: { column: 'size', kind: 'max' },
    q: { column: 'name', kind: 'contains' },
    glob: { column: 'name', kind: 'glob' },
  },
  sort: { created_at: 'created_at', name: 'name', size: 'size' },
  defaultSort: [{ field: 'created_at', descending: true }],
  tieBreaker: 'id',
};

describe('listWhere', () => {
  it('is empty without filters', () => {
    expect(listWhere(SPEC, {})).toEqual({ sql: '', values: [] });
  });

  it('writes each filter given, its values in order, times as stored', () => {
    const query: Query = {
      status: ['failed', 'warning'],
      owner_id: [3],
      created_after: new Date('2026-12-01T00:00:00Z'),
      created_before: new Date('2026-12-05T12:00:00.250Z'),
      min_size: 10,
      max_size: 20,
      q: '50%',
      glob: 'docs-[!x]*',
    };
    expect(listWhere(SPEC, query)).toEqual({
      sql:
        'WHERE "status" IN (?, ?) AND "owner_id" = ? AND "created_at" >= ? AND "created_at" < ? AND "size" >= ? AND "size" <= ? ' +
        `AND "name" LIKE ? ESCAPE '\\' AND "name" GLOB ?`,
      values: ['failed', 'warning', 3, '2026-12-01 00:00:00.000', '2026-12-05 12:00:00.250', 10, 20, '%50\\%%', 'docs-[^x]*'],
    });
  });
});

describe('listOrder', () => {
  it('is the default, ended by the tie-breaker in its direction, without ?sort=', () => {
    expect(orderBySql(listOrder(SPEC, undefined))).toBe('ORDER BY "created_at" DESC, "id" DESC');
  });

  it('follows ?sort= field by field', () => {
    expect(orderBySql(listOrder(SPEC, ['-size', 'name']))).toBe('ORDER BY "size" DESC, "name" ASC, "id" ASC');
  });
});
