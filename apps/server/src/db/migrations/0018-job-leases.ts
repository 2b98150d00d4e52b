import type { Kysely } from 'kysely';

// Leases, so a job that runs longer than a few minutes is never taken to be lost while it works:
// - jobs.lease_expires_at: the worker running the job renews it while the handler runs; only a job whose lease
//   ran out (its worker died or hung) is reclaimed. jobs.timeout_ms: how long this job may run, derived from its
//   work when it was queued (an answer's length for take.process); null means its kind's default.
// - take_media.lease_expires_at: the same for one try at a take, so "stuck" on the Processing page means what it
//   means in the queue, with either queue driver.
// - worker_heartbeats: each worker process says it is alive every 30 s, so an API node's readiness can tell
//   whether anything works the queue at all (whichever driver).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('worker_id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('jobs').addColumn('lease_expires_at', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('timeout_ms', 'integer').execute();
  await db.schema.alterTable('take_media').addColumn('lease_expires_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('take_media').dropColumn('lease_expires_at').execute();
  await db.schema.alterTable('jobs').dropColumn('timeout_ms').execute();
  await db.schema.alterTable('jobs').dropColumn('lease_expires_at').execute();
  await db.schema.dropTable('worker_heartbeats').execute();
}
