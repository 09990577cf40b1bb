import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { MAX_PAGE_OFFSET, MAX_PAGE_SIZE } from '../../platform/http/page-query.dto';

export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page of a connection is in the whole list' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null for an empty page' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge: pass it as `after` for the next page' })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionOf<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type over `node` (named `nodeName` in the schema): `edges { node cursor }`, `pageInfo`, `totalCount`. */
export function Connection<T>(node: Type<T>, nodeName: string): Type<ConnectionOf<T>> {
  @ObjectType(`${nodeName}Edge`)
  class EdgeType {
    @Field(() => node)
    node!: T;

    @Field({ description: 'Opaque: pass it as `after` to read on from here' })
    cursor!: string;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list, all pages together' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Where a page starts and how long it is, from `first` and `after` as a client sent them. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** A cursor is the item's offset in the list, wrapped so that clients do not build their own. */
export function cursorOf(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function pageWindow(first: number | null | undefined, after: string | null | undefined): PageWindow {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw DomainError.badRequest(`first must be between 1 and ${MAX_PAGE_SIZE}`, { first: [`Between 1 and ${MAX_PAGE_SIZE}`] });
  }
  return { limit, offset: after === null || after === undefined ? 0 : offsetAfter(after) };
}

function offsetAfter(cursor: string): number {
  const match = /^offset:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) + 1 : NaN;
  if (!(offset <= MAX_PAGE_OFFSET)) throw DomainError.badRequest('after is not a cursor of this list', { after: ['Not a cursor'] });
  return offset;
}

/** A service's page as a connection. */
export function connectionOf<T>(page: Page<T>): ConnectionOf<T> {
  const { offset, total } = page.meta;
  const edges = page.items.map((node, index) => ({ node, cursor: cursorOf(offset + index) }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + edges.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
