import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { listConditions, listOrder, ListSpec } from './list-spec';

/**
 * A list's filters and order applied to a TypeORM query builder (its main alias), for lists read through TypeORM;
 * a list read in plain SQL uses listWhere and orderBySql with the same spec.
 */
export function applyListQuery<Entity extends ObjectLiteral, Query extends { sort?: string[] }>(
  builder: SelectQueryBuilder<Entity>,
  spec: ListSpec<Query>,
  query: Query,
): SelectQueryBuilder<Entity> {
  const alias = builder.alias;
  const qualify = (column: string) => `"${alias}"."${column}"`;
  const { terms, values } = listConditions(spec, query, qualify);
  let next = 0;
  for (const term of terms) {
    const parameters: Record<string, unknown> = {};
    const named = term.replace(/\?/g, () => {
      const name = `filter_${next}`;
      parameters[name] = values[next++];
      return `:${name}`;
    });
    builder.andWhere(named, parameters);
  }
  listOrder(spec, query.sort).forEach((term, index) => {
    const direction = term.descending ? 'DESC' : 'ASC';
    if (index === 0) builder.orderBy(qualify(term.column), direction);
    else builder.addOrderBy(qualify(term.column), direction);
  });
  return builder;
}

/** One page of a list read through TypeORM, filtered and sorted, with the number of rows that match. */
export function readListPage<Entity extends ObjectLiteral, Query extends { sort?: string[]; limit: number; offset: number }>(
  builder: SelectQueryBuilder<Entity>,
  spec: ListSpec<Query>,
  query: Query,
): Promise<[Entity[], number]> {
  return applyListQuery(builder, spec, query).limit(query.limit).offset(query.offset).getManyAndCount();
}
