/** Datetimes as TypeORM stores them in SQLite: UTC, with milliseconds; for comparisons written in SQL. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}
