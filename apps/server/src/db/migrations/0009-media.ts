import type { Kysely } from 'kysely';

// take_media: what processing made of one saved take (one row per take, written by the take.process job).
// The original upload stays where the takes row points; this row holds the files derived from it and why
// processing failed, for admins. Booleans are integers 0/1; byte counts are bigint like takes.bytes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('take_media')
    .addColumn('take_id', 'text', (c) => c.primaryKey().references('takes.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_duration_ms', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('is_trimmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('playback_key', 'text')
    .addColumn('playback_mime', 'text')
    .addColumn('playback_bytes', 'bigint')
    .addColumn('poster_key', 'text')
    .addColumn('poster_mime', 'text')
    .addColumn('poster_bytes', 'bigint')
    .addColumn('transcript_audio_key', 'text')
    .addColumn('transcript_audio_mime', 'text')
    .addColumn('transcript_audio_bytes', 'bigint')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('take_media_organisation_status')
    .on('take_media')
    .columns(['organisation_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('take_media').execute();
}
