import { sql, type Kysely } from 'kysely';

// Invitation links and e-mails beyond what 0003 holds:
// - invitation_links: further link tokens (hashed) issued with reminder and extension e-mails, since only the hash of
//   the invitation e-mail's token is stored and a reminder without a working link is no reminder;
// - invitation_emails: which outbox message belongs to which invitation, so its delivery reaches the timeline;
// - at most one invitation per e-mail address and interview among those not withdrawn.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitation_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_links_invitation_idx')
    .on('invitation_links')
    .column('invitation_id')
    .execute();

  await db.schema
    .createTable('invitation_emails')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('invitation_emails_invitation_idx')
    .on('invitation_emails')
    .columns(['invitation_id', 'kind'])
    .execute();

  await db.schema
    .createIndex('invitations_interview_open_email_uq')
    .on('invitations')
    .columns(['interview_id', 'candidate_email'])
    .unique()
    .where(sql.ref('status'), '<>', 'withdrawn')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invitations_interview_open_email_uq').execute();
  await db.schema.dropTable('invitation_emails').execute();
  await db.schema.dropTable('invitation_links').execute();
}
