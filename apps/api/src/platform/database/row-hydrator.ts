import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ObjectLiteral, Repository } from 'typeorm';

type Conversion = (value: unknown) => unknown;

/** `2026-12-06 01:02:03.456`, as sqliteTime and SQLite's datetime() write times: UTC without a zone, as TypeORM reads it. */
const SQLITE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,3})?$/;

/**
 * Entities from raw rows of their table, converted column by column as TypeORM converts them (dates, JSON, booleans),
 * without its query builder, which costs several times as much for a page of jobs and their steps. Each column's
 * conversion is chosen once; a column this does not know (a transformer, an embedded entity, another type) goes through
 * TypeORM's own conversion.
 */
export class RowHydrator<T extends ObjectLiteral> {
  private readonly columns: Array<{ column: ColumnMetadata; convert: Conversion | null }>;

  constructor(private readonly repository: Repository<T>) {
    const { driver } = repository.manager.connection;
    const typeOrmConversion = (column: ColumnMetadata) => (value: unknown) => driver.prepareHydratedValue(value, column);
    this.columns = repository.metadata.columns.map((column) => ({ column, convert: conversionOf(column, typeOrmConversion(column)) }));
  }

  hydrate(rows: Array<Record<string, unknown>>): T[] {
    const { metadata } = this.repository;
    const { driver } = this.repository.manager.connection;
    return rows.map((row) => {
      const entity = metadata.create() as T;
      for (const { column, convert } of this.columns) {
        const value = row[column.databaseName];
        if (convert)
          (entity as Record<string, unknown>)[column.propertyName] = value === null || value === undefined ? value : convert(value);
        else column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
      }
      return entity;
    });
  }
}

function conversionOf(column: ColumnMetadata, typeOrmConversion: Conversion): Conversion | null {
  if (column.transformer || column.embeddedMetadata) return null;
  switch (column.type) {
    case 'boolean':
      return (value) => Boolean(value);
    case 'datetime':
      return (value) =>
        typeof value === 'string' && SQLITE_TIME.test(value)
          ? new Date(`${value.slice(0, 10)}T${value.slice(11)}Z`)
          : typeOrmConversion(value);
    case 'simple-json':
      return (value) => (typeof value === 'string' ? JSON.parse(value) : value);
    case 'integer':
    case 'varchar':
    case 'text':
      return (value) => value;
    default:
      return null;
  }
}
