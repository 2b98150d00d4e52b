// Runs only in the PostgreSQL run (TEST_DATABASE_URL set): it ends a PostgreSQL connection from the server's side.
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../test/runtime.ts';
import type { Runtime } from '../runtime.ts';
import { createDatabase, type Db } from './database.ts';

/** Ends, from another connection, every connection but its own to `databaseUrl`'s database (as a restart would). */
async function terminateConnections(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const res = await admin.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return res.rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe('a PostgreSQL connection ended by the server while idle', () => {
  let runtime: Runtime;
  let db: Db | null = null;

  beforeEach(async () => {
    if (!process.env.TEST_DATABASE_URL?.startsWith('postgres')) {
      throw new Error('this test needs TEST_DATABASE_URL=postgres://… (it belongs to the PostgreSQL run)');
    }
    runtime = await createTestRuntime();
  });
  afterEach(async () => {
    await db?.destroy();
    db = null;
    await runtime.close();
  });

  it('is reported and replaced: the process goes on and the next query works', async () => {
    const lost: Error[] = [];
    const opened = createDatabase(runtime.config.databaseUrl, {
      onConnectionLost: (error) => lost.push(error),
    });
    db = opened.db;
    // Two idle connections in the pool.
    await Promise.all([sql`select pg_sleep(0.05)`.execute(db), sql`select pg_sleep(0.05)`.execute(db)]);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      expect(await terminateConnections(runtime.config.databaseUrl)).toBeGreaterThanOrEqual(2);
      await waitFor(() => lost.length >= 2);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(lost[0]?.message).toMatch(/terminating connection/);
    const res = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(res.rows[0]?.one).toBe(1);
  });

  it("the app's own database reports it in the log and keeps answering", async () => {
    await sql`select 1`.execute(runtime.db);
    expect(await terminateConnections(runtime.config.databaseUrl)).toBeGreaterThanOrEqual(1);
    const res = await sql<{ one: number }>`select 1 as one`.execute(runtime.db);
    expect(res.rows[0]?.one).toBe(1);
  });
});
