import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('interview_version_id', 'text', (c) => c.notNull().references('interview_versions.id'))
    .addColumn('candidate_name', 'text', (c) => c.notNull())
    .addColumn('candidate_email', 'text', (c) => c.notNull())
    .addColumn('candidate_phone', 'text')
    .addColumn('external_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('candidate_time_zone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accommodations', 'text', (c) => c.notNull())
    .addColumn('extensions_granted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('expired_at', 'text')
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitations_interview_idx')
    .on('invitations')
    .columns(['interview_id', 'status'])
    .execute();
  await db.schema
    .createIndex('invitations_interview_email_idx')
    .on('invitations')
    .columns(['interview_id', 'candidate_email'])
    .execute();
  await db.schema
    .createIndex('invitations_deadline_idx')
    .on('invitations')
    .columns(['status', 'deadline_at'])
    .execute();

  await db.schema
    .createTable('invitation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_events_invitation_idx')
    .on('invitation_events')
    .columns(['invitation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('invitation_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('auto_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_requests_org_idx')
    .on('invitation_requests')
    .columns(['organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('candidate_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();

  await db.schema
    .createTable('email_templates')
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_templates_pk', ['interview_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'email_templates',
    'candidate_sessions',
    'invitation_requests',
    'invitation_events',
    'invitations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
