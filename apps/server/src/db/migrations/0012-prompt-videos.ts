import type { Kysely } from 'kysely';

// Prompt videos: an interview's intro video and questions' video prompts, recorded or uploaded by the employer.
// A row never changes its video: replacing one makes a new row, so interview versions that name the old one keep
// it. Captions may change (an accessibility fix, not content). interviews.intro_video_id and
// questions.prompt_video_id point at the current one; no foreign key, since SQLite adds a single plain column
// per ALTER TABLE and the prompt_videos row outlives the reference while versions still name it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prompt_videos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('original_key', 'text', (c) => c.notNull())
    .addColumn('original_mime', 'text', (c) => c.notNull())
    .addColumn('original_bytes', 'bigint', (c) => c.notNull())
    .addColumn('playback_key', 'text')
    .addColumn('playback_bytes', 'bigint')
    .addColumn('poster_key', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('captions_key', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema
    .createIndex('prompt_videos_organisation_interview')
    .on('prompt_videos')
    .columns(['organisation_id', 'interview_id'])
    .execute();
  await db.schema.alterTable('interviews').addColumn('intro_video_id', 'text').execute();
  await db.schema.alterTable('questions').addColumn('prompt_video_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('questions').dropColumn('prompt_video_id').execute();
  await db.schema.alterTable('interviews').dropColumn('intro_video_id').execute();
  await db.schema.dropTable('prompt_videos').execute();
}
