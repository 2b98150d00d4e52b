import type { JobName } from '@oneway/shared';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { createRuntime } from '../../runtime.ts';
import { createDatabase, migrateToLatest, type Db } from '../database.ts';
import { orderTablesByDependency } from './table-order.ts';

export interface MoveResult {
  /** Rows copied per table, in the order they were copied. */
  tables: { name: string; rows: number }[];
  /** Jobs that were waiting or running in SQLite, handed to pg-boss on PostgreSQL. */
  jobsRequeued: number;
}

export class MoveRefusedError extends Error {
  override name = 'MoveRefusedError';
}

const pageRows = 1000;
// PostgreSQL takes at most 65,535 parameters per statement.
const insertRowsFor = (columns: number) => Math.max(1, Math.floor(60_000 / columns));

/**
 * Copies every table of a stopped SQLite installation into an empty PostgreSQL database, in dependency order and in
 * one transaction (all or nothing), then hands the jobs that were waiting or running to pg-boss, which works the
 * queue on PostgreSQL. Refuses a target that holds any row (a demo seed or an earlier move would collide).
 */
export async function moveDatabase(options: {
  config: Config;
  from: string;
  to: string;
  log?: (line: string) => void;
}): Promise<MoveResult> {
  const log = options.log ?? (() => {});
  if (!options.from.startsWith('sqlite:'))
    throw new MoveRefusedError('The source must be a SQLite database (sqlite:<file>)');
  if (!/^postgres(ql)?:\/\//.test(options.to)) throw new MoveRefusedError('The target must be postgres://…');
  const source = createDatabase(options.from);
  const target = createDatabase(options.to);
  try {
    await migrateToLatest(source.db);
    await migrateToLatest(target.db);
    const tables = await listSourceTables(source.db);
    await refuseUnlessEmpty(target.db, tables);
    const copied: MoveResult['tables'] = [];
    await target.db.transaction().execute(async (trx) => {
      for (const table of tables) {
        const rows = await copyTable(source.db, trx, table);
        copied.push({ name: table, rows });
        log(`${table}: ${rows} rows`);
      }
    });
    const jobsRequeued = await requeueWaitingJobs(source.db, { ...options.config, databaseUrl: options.to });
    log(`jobs handed to pg-boss: ${jobsRequeued}`);
    return { tables: copied, jobsRequeued };
  } finally {
    await source.db.destroy();
    await target.db.destroy();
  }
}

/** The source's tables in dependency order, read from SQLite itself so a table added later is never left behind. */
async function listSourceTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_migration%'`.execute(db);
  const tables = [];
  for (const { name } of rows) {
    const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(
      db,
    );
    tables.push({ name, references: keys.rows.map((k) => k.table) });
  }
  return orderTablesByDependency(tables);
}

async function refuseUnlessEmpty(db: Db, tables: string[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    if (Number(rows[0]?.n ?? 0) > 0) filled.push(`${table} (${rows[0]?.n} rows)`);
  }
  if (filled.length > 0) {
    throw new MoveRefusedError(
      `The target database is not empty: ${filled.join(', ')}. Move into a new, empty database, and do not ` +
        'start Oneway on it before the move (its first start seeds a demo organisation).',
    );
  }
}

async function copyTable(source: Db, target: Db, table: string): Promise<number> {
  let copied = 0;
  for (let offset = 0; ;) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by rowid
      limit ${pageRows} offset ${offset}`.execute(source);
    if (rows.length === 0) return copied;
    const perInsert = insertRowsFor(Object.keys(rows[0]!).length);
    for (let i = 0; i < rows.length; i += perInsert) {
      const batch = rows.slice(i, i + perInsert);
      // Any table by name: the rows are what SQLite holds, column for column the same schema.
      await target
        .insertInto(table as never)
        .values(batch)
        .execute();
    }
    copied += rows.length;
    offset += rows.length;
  }
}

/** Queued and running jobs of the SQLite queue, enqueued on pg-boss with their keys and times (fresh tries). */
async function requeueWaitingJobs(source: Db, config: Config): Promise<number> {
  const waiting = await source
    .selectFrom('jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'running'])
    .orderBy('run_at')
    .execute();
  if (waiting.length === 0) return 0;
  // An API-only runtime on the target: its queue is pg-boss with every job definition registered, and runs nothing.
  const runtime = await createRuntime({ ...config, roles: ['api'], migrateOnStart: false });
  try {
    for (const job of waiting) {
      await runtime.queue.enqueue(job.name as JobName, JSON.parse(job.payload), {
        dedupeKey: job.dedupe_key ?? undefined,
        runAt: new Date(job.run_at),
      });
    }
  } finally {
    await runtime.close();
  }
  return waiting.length;
}
