import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../test/runtime.ts';
import type { Runtime } from '../runtime.ts';
import { migrateAllDown, migrateToLatest } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

// Runs on SQLite and, in the PostgreSQL pass of the test script, on PostgreSQL: every migration's down must undo
// its up cleanly so the schema can be rebuilt from nothing on both dialects.
describe('migrations', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await createTestRuntime();
  });
  afterAll(() => runtime.close());

  // Only the application's schema: a job queue may keep tables of its own in another PostgreSQL schema.
  async function listTables(): Promise<string[]> {
    const tables = await runtime.db.introspection.getTables();
    return tables
      .filter((t) => t.schema === undefined || t.schema === 'public')
      .map((t) => t.name)
      .sort();
  }

  it('go all the way down, leaving no tables behind', async () => {
    expect(await listTables()).toContain('organisations');
    await migrateAllDown(runtime.db);
    expect(await listTables()).toEqual([]);
  });

  it('come back up, every one applied, with tables that hold data', async () => {
    await migrateToLatest(runtime.db);
    const applied = await runtime.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(applied.map((t) => t.name)).toContain('kysely_migration');
    const expected = Object.keys(await migrationProvider.getMigrations());
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      runtime.db,
    );
    expect(rows.map((r) => r.name)).toEqual(expected.sort());

    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await runtime.db
      .insertInto('organisations')
      .values({ id, name: 'Up again Ltd', created_at: createdAt })
      .execute();
    const found = await runtime.db
      .selectFrom('organisations')
      .select(['name', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(found).toEqual({ name: 'Up again Ltd', created_at: createdAt });
  });

  it('bring up an installation that ran a later-numbered migration before an earlier one existed', async () => {
    // Releases made before sign-in hardening ran 0018 (job leases) without 0017 (sign-in): it comes after.
    const all = await migrationProvider.getMigrations();
    const { ['0017-sign-in-and-instance']: later, ...released } = all;
    expect(later).toBeDefined();
    await migrateAllDown(runtime.db);
    const older = new Migrator({
      db: runtime.db,
      provider: { getMigrations: () => Promise.resolve(released) },
    });
    const before = await older.migrateToLatest();
    expect(before.error).toBeUndefined();
    expect(await listTables()).not.toContain('totp_credentials');

    await migrateToLatest(runtime.db);
    expect(await listTables()).toContain('totp_credentials');
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      runtime.db,
    );
    expect(rows.map((r) => r.name)).toEqual(Object.keys(all).sort());
  });

  it('keep the duplicates a bank held before they were refused: the oldest holds the prompt, the others are kept', async () => {
    const all = await migrationProvider.getMigrations();
    const { ['0020-question-bank-search']: search, ...before } = all;
    expect(search).toBeDefined();
    await migrateAllDown(runtime.db);
    const older = new Migrator({
      db: runtime.db,
      provider: { getMigrations: () => Promise.resolve(before) },
    });
    expect((await older.migrateToLatest()).error).toBeUndefined();

    const org = randomUUID();
    await runtime.db
      .insertInto('organisations')
      .values({ id: org, name: 'Twice Ltd', created_at: '2026-01-01' })
      .execute();
    const items = [
      ['b-newer', 'why  THIS job?', '2026-02-02'],
      ['a-older', ' Why this job? ', '2026-01-01'],
      ['c-other', 'Why us?', '2026-03-03'],
    ];
    for (const [id, prompt, createdAt] of items) {
      await sql`insert into question_bank
          (id, organisation_id, prompt_text, answer_type, think_mode, answer_seconds, takes, start_mode, created_at)
        values (${id}, ${org}, ${prompt}, 'video', 'none', 60, 1, 'ready', ${createdAt})`.execute(runtime.db);
    }

    await migrateToLatest(runtime.db);
    const rows = await runtime.db
      .selectFrom('question_bank')
      .select(['id', 'prompt_key'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a-older', prompt_key: 'why this job?' },
      { id: 'b-newer', prompt_key: null },
      { id: 'c-other', prompt_key: 'why us?' },
    ]);
  });
});
