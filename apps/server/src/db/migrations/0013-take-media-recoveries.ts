import type { Kysely } from 'kysely';

// How many times the hourly sweep has queued a take's processing again after finding it stuck (a worker that
// died mid-try, a job that was lost); bounded, so a take that keeps getting stuck ends failed for an admin to see.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('take_media')
    .addColumn('recoveries', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('take_media').dropColumn('recoveries').execute();
}
