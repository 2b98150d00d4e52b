import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema/index.ts';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

/**
 * Opens the database named by the URL: `sqlite:<file>` or `postgres://…`. `onConnectionLost` hears of an idle
 * PostgreSQL connection that the server ended (a restart, a failover, an administrator): the pool drops it and opens
 * another when needed. Without a listener, node-postgres would throw it and end the process.
 */
export function createDatabase(
  url: string,
  options: { onConnectionLost?: (error: Error) => void } = {},
): { db: Db; dialect: Dialect } {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // With WAL, NORMAL loses no committed data on a crash of the process (only on power loss at the OS
    // level may the last transactions roll back) and makes each write ~10x cheaper than FULL.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
      dialect: 'sqlite',
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on(
    'error',
    options.onConnectionLost ??
      ((error) =>
        console.warn('A PostgreSQL connection was lost; another is opened when needed:', error.message)),
  );
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}

function createMigrator(db: Db): Migrator {
  // Unordered: branches developed side by side take numbers ahead of time, so an installation may have run a
  // later-numbered migration (0018) before an earlier one (0017) was released; it runs the earlier one next.
  return new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Undoes every migration (used by the up/down/up check). */
export async function migrateAllDown(db: Db): Promise<void> {
  const migrator = createMigrator(db);
  for (;;) {
    const { error, results } = await migrator.migrateDown();
    if (error)
      throw new Error(
        `Migration down failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
        { cause: error },
      );
    if (!results || results.length === 0) return;
  }
}
