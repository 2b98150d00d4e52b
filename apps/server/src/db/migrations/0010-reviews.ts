import type { Kysely } from 'kysely';

// Reviewing: who may review an interview, ratings, comments, decisions, share links for guests, completion e-mail
// preferences, and the install's signing secret for media URLs. Booleans are integers 0/1; a comment's time into
// the answer is whole milliseconds so both dialects store it exactly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interview_reviewers')
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by_user_id', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_reviewers_pk', ['interview_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('interview_reviewers_user')
    .on('interview_reviewers')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('anonymised', 'integer', (c) => c.notNull())
    .addColumn('allow_ratings', 'integer', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_user_id', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('share_links_interview').on('share_links').column('interview_id').execute();

  await db.schema
    .createTable('share_link_invitations')
    .addColumn('share_link_id', 'text', (c) => c.notNull().references('share_links.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('share_link_invitations_pk', ['share_link_id', 'invitation_id'])
    .execute();

  await db.schema
    .createTable('guest_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('share_link_id', 'text', (c) => c.notNull().references('share_links.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('guest_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rating_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    // user:<id> for a member, guest:<guest session id> for a guest: one set per rater and candidate.
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('rater_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('share_link_id', 'text', (c) => c.references('share_links.id').onDelete('cascade'))
    .addColumn('rater_name', 'text', (c) => c.notNull())
    .addColumn('overall', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rating_sets_rater_unique', ['invitation_id', 'rater_key'])
    .execute();
  await db.schema.createIndex('rating_sets_interview').on('rating_sets').column('interview_id').execute();

  await db.schema
    .createTable('question_ratings')
    .addColumn('rating_set_id', 'text', (c) => c.notNull().references('rating_sets.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('question_ratings_pk', ['rating_set_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_comments_invitation')
    .on('review_comments')
    .column('invitation_id')
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('invitation_id', 'text', (c) =>
      c.primaryKey().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_interview').on('decisions').column('interview_id').execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('completion_emails', 'text', (c) => c.notNull())
    .addColumn('digest_sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['organisation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('install_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'install_secrets',
    'notification_preferences',
    'decisions',
    'review_comments',
    'question_ratings',
    'rating_sets',
    'guest_sessions',
    'share_link_invitations',
    'share_links',
    'interview_reviewers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
