// Runs only in the PostgreSQL run (TEST_DATABASE_URL set): moves a SQLite installation into a throwaway database.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestRuntime } from '../../../test/runtime.ts';
import type { Runtime } from '../../runtime.ts';
import { seedDemo } from '../../seed/demo.ts';
import { createDatabase, type Db } from '../database.ts';
import { moveDatabase, MoveRefusedError } from './move-database.ts';

const adminUrl = () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url?.startsWith('postgres')) throw new Error('db:move tests need TEST_DATABASE_URL=postgres://…');
  return url;
};

async function createEmptyDatabase(): Promise<string> {
  const name = `oneway_move_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const countRows = async (db: Db, table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);

describe('db:move from SQLite to PostgreSQL', { timeout: 120_000 }, () => {
  let source: Runtime;
  let sourceUrl: string;
  let targetUrl: string;
  let target: Db;

  beforeAll(async () => {
    // The source is SQLite whatever the run. The demo seed without ffmpeg (its answers take minutes to encode on a
    // busy machine) leaves its organisation, interview, invitation and the invitation e-mail's job queued.
    source = await createTestRuntime(
      { DATABASE_URL: '', FFMPEG_PATH: '/nonexistent/ffmpeg' },
      {},
      { keepOnClose: true },
    );
    sourceUrl = source.config.databaseUrl;
    expect(sourceUrl).toMatch(/^sqlite:/);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await seedDemo(source);
    vi.restoreAllMocks();
    await source.close();
    targetUrl = await createEmptyDatabase();
    target = createDatabase(targetUrl).db;
  }, 120_000);
  afterAll(async () => {
    await target?.destroy();
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(targetUrl).pathname.slice(1)} with (force)`);
    await admin.end();
  });

  it('copies every table in dependency order with the same rows, and hands waiting jobs to pg-boss', async () => {
    const sourceDb = createDatabase(sourceUrl).db;
    try {
      const waitingJobs = await countRows(sourceDb, 'jobs');
      const result = await moveDatabase({ config: source.config, from: sourceUrl, to: targetUrl });
      expect(result.tables.length).toBeGreaterThanOrEqual(39);
      const order = result.tables.map((t) => t.name);
      expect(order.indexOf('organisations')).toBeLessThan(order.indexOf('memberships'));
      expect(order.indexOf('takes')).toBeLessThan(order.indexOf('take_media'));
      expect(order).toContain('jobs');
      for (const { name, rows } of result.tables) {
        expect({ name, rows: await countRows(target, name) }).toEqual({
          name,
          rows: await countRows(sourceDb, name),
        });
        expect(rows).toBe(await countRows(sourceDb, name));
      }
      expect(result.tables.find((t) => t.name === 'questions')?.rows).toBe(6);

      for (const table of ['organisations', 'users', 'questions', 'invitations', 'jobs'] as const) {
        const before = await sourceDb.selectFrom(table).selectAll().execute();
        const after = await target.selectFrom(table).selectAll().execute();
        const normalise = (rows: Record<string, unknown>[]) =>
          rows
            .map((row) =>
              Object.fromEntries(
                Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v as string | number)]),
              ),
            )
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(normalise(after)).toEqual(normalise(before));
      }

      const queued = await sql<{ n: string }>`select count(*) as n from pgboss.job
        where state = 'created'`.execute(target);
      expect(waitingJobs).toBeGreaterThan(0);
      expect(Number(queued.rows[0]?.n)).toBe(result.jobsRequeued);
      expect(result.jobsRequeued).toBeGreaterThan(0);
    } finally {
      await sourceDb.destroy();
    }
  });

  it('refuses a target that holds any row, naming what is there', async () => {
    await expect(moveDatabase({ config: source.config, from: sourceUrl, to: targetUrl })).rejects.toThrow(
      MoveRefusedError,
    );
    await expect(moveDatabase({ config: source.config, from: sourceUrl, to: targetUrl })).rejects.toThrow(
      /^The target database is not empty: organisations \(1 rows\)/,
    );
  });
});
