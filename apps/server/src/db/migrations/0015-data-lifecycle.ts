import type { Kysely } from 'kysely';

// The candidate's data lifecycle: retention settings (organisation default, per-interview choice), legal holds,
// candidates' erasure requests (confirmed through an e-mailed link), the record every erasure leaves (counts and
// dates, nothing personal), consent withdrawal, and which outbox e-mails are about which candidate (so their copies
// go with the candidate). Settings live in tables of their own, so a missing row simply means the defaults.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('privacy_settings')
    .addColumn('organisation_id', 'text', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    // keep | 30 | 90 | 180 | 365 (days after a candidate's data closes).
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('erasure_window_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('interview_retention')
    .addColumn('interview_id', 'text', (c) => c.primaryKey().references('interviews.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    // organisation | keep | 30 | 90 | 180 | 365.
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('invitation_id', 'text', (c) =>
      c.primaryKey().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text')
    .addColumn('placed_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) =>
      c.notNull().unique().references('invitations.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('link_expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('due_at', 'text')
    .execute();

  await db.schema
    .createTable('candidate_erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    // No foreign keys: the interview may be deleted later and the invitation is gone by design.
    .addColumn('interview_id', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.notNull().unique())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invitation_status', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text')
    .addColumn('request_token_hash', 'text', (c) => c.unique())
    .addColumn('takes', 'integer', (c) => c.notNull())
    .addColumn('files', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('text_answers', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull())
    .addColumn('emails', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('candidate_erasures_interview')
    .on('candidate_erasures')
    .column('interview_id')
    .execute();

  await db.schema
    .createTable('outbox_email_invitations')
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbox_emails.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('outbox_email_invitations_pk', ['message_id', 'invitation_id'])
    .execute();
  await db.schema
    .createIndex('outbox_email_invitations_invitation')
    .on('outbox_email_invitations')
    .column('invitation_id')
    .execute();

  await db.schema.alterTable('consents').addColumn('withdrawn_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consents').dropColumn('withdrawn_at').execute();
  await db.schema.dropTable('outbox_email_invitations').execute();
  await db.schema.dropTable('candidate_erasures').execute();
  await db.schema.dropTable('erasure_requests').execute();
  await db.schema.dropTable('legal_holds').execute();
  await db.schema.dropTable('interview_retention').execute();
  await db.schema.dropTable('privacy_settings').execute();
}
