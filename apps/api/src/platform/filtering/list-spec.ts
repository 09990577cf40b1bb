import { sqliteTime } from '../database/sqlite-time';
import { containsPattern, sqliteGlob } from './text-patterns';
import { parseSortTerm, SortTerm } from './sort-terms';

/**
 * How a query field filters: `in` a set, a time or size bound (`from` inclusive, `before` exclusive, `until`, `min`
 * and `max` inclusive), `contains` a text (case-insensitive) or matches a `glob`.
 */
export type FilterKind = 'in' | 'from' | 'before' | 'until' | 'min' | 'max' | 'contains' | 'glob';

export interface FilterField {
  column: string;
  kind: FilterKind;
}

/** One list's filters and orders: the query fields it reads, the columns they stand for (each on an index). */
export interface ListSpec<Query> {
  filters: Partial<Record<keyof Query & string, FilterField>>;
  /** `?sort=` field → column. */
  sort: Record<string, string>;
  /** The order when `?sort=` is absent. */
  defaultSort: readonly SortTerm[];
  /** A unique column that ends every order, so that pages neither overlap nor skip rows. */
  tieBreaker: string;
}

export type SqlValue = string | number;

export interface OrderTerm {
  column: string;
  descending: boolean;
}

const OPERATORS: Record<Exclude<FilterKind, 'in'>, string> = {
  from: '>=',
  before: '<',
  until: '<=',
  min: '>=',
  max: '<=',
  contains: "LIKE ? ESCAPE '\\'",
  glob: 'GLOB ?',
};

function sqlValue(value: unknown): SqlValue {
  if (value instanceof Date) return sqliteTime(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new TypeError(`A filter value must be text, a number or a date, not ${typeof value}`);
}

/** One condition: `column IN (?, ?)` (`= ?` for one item), `column >= ?`, `column LIKE ? ESCAPE '\'`… */
function condition(column: string, kind: FilterKind, value: unknown): { sql: string; values: SqlValue[] } {
  if (kind === 'in') {
    const values = (value as unknown[]).map(sqlValue);
    return { sql: values.length === 1 ? `${column} = ?` : `${column} IN (${values.map(() => '?').join(', ')})`, values };
  }
  if (kind === 'contains') return { sql: `${column} ${OPERATORS.contains}`, values: [containsPattern(String(value))] };
  if (kind === 'glob') return { sql: `${column} ${OPERATORS.glob}`, values: [sqliteGlob(String(value))] };
  return { sql: `${column} ${OPERATORS[kind]} ?`, values: [sqlValue(value)] };
}

/**
 * The WHERE terms of the filters a query gives, with `?` placeholders in order, each column written by `qualify`
 * (`"status"`, or `"job"."status"` in a query builder).
 */
export function listConditions<Query extends object>(
  spec: ListSpec<Query>,
  query: Query,
  qualify: (column: string) => string = (column) => `"${column}"`,
): { terms: string[]; values: SqlValue[] } {
  const terms: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, filter] of Object.entries(spec.filters) as Array<[keyof Query & string, FilterField | undefined]>) {
    const value = query[field];
    if (value === undefined || value === null || !filter) continue;
    const rendered = condition(qualify(filter.column), filter.kind, value);
    terms.push(rendered.sql);
    values.push(...rendered.values);
  }
  return { terms, values };
}

/** `WHERE a AND b` with its values, or nothing when no filter is given. */
export function listWhere<Query extends object>(spec: ListSpec<Query>, query: Query): { sql: string; values: SqlValue[] } {
  const { terms, values } = listConditions(spec, query);
  return { sql: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, values };
}

/** The order of `?sort=` (already validated against spec.sort), or the list's default, ended by its tie-breaker. */
export function listOrder(spec: ListSpec<object>, sort: readonly string[] | undefined): OrderTerm[] {
  const terms = sort && sort.length > 0 ? sort.map(parseSortTerm) : spec.defaultSort;
  const order = terms.map((term) => ({ column: spec.sort[term.field] ?? term.field, descending: term.descending }));
  if (!order.some((term) => term.column === spec.tieBreaker)) {
    order.push({ column: spec.tieBreaker, descending: order.at(-1)?.descending ?? false });
  }
  return order;
}

/** `ORDER BY "created_at" DESC, "id" DESC` */
export function orderBySql(order: readonly OrderTerm[]): string {
  return `ORDER BY ${order.map((term) => `"${term.column}" ${term.descending ? 'DESC' : 'ASC'}`).join(', ')}`;
}
