// The one place that knows how each driver reports a unique-constraint failure: better-sqlite3 sets
// code SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY), pg sets SQLSTATE 23505.
const uniqueViolationCodes = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/** True when a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return uniqueViolationCodes.has(String(error.code));
}
