import { ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import { DomainError } from '../errors/domain-error';

/**
 * Saves a row; when a UNIQUE constraint refuses it (a taken name, or two
 * requests that raced past the caller's own check) throws `clash()` instead.
 * `column` ("table.column") narrows that to one constraint; a failure of
 * another one stays the error it is.
 */
export async function saveUnique<T extends ObjectLiteral>(rows: Repository<T>, row: T, clash: () => Error, column?: string): Promise<T> {
  try {
    return await rows.save(row);
  } catch (error) {
    if (isUniqueViolation(error, column)) throw clash();
    throw error;
  }
}

/** Saves a row of a table whose names are unique: a taken name is a conflict on the field `name`. */
export function saveNamed<T extends ObjectLiteral & { name: string }>(rows: Repository<T>, row: T, kind: string): Promise<T> {
  const clash = () => DomainError.conflict(`A ${kind} named "${row.name}" already exists`, { field: 'name' });
  return saveUnique(rows, row, clash, `${rows.metadata.tableName}.name`);
}

/** SQLite says which constraint failed only in its message: "UNIQUE constraint failed: table.column". */
function isUniqueViolation(error: unknown, column?: string): boolean {
  const failed = column === undefined ? 'UNIQUE constraint failed' : `UNIQUE constraint failed: ${column}`;
  return error instanceof QueryFailedError && error.message.includes(failed);
}
