import { sql, type Kysely } from 'kysely';

// The reviewer and recruiter side (issue 14): a decider's note is kept as a draft per person until they decide;
// an interview has one time zone that reads every deadline typed for it (form and CSV alike) and chooses which
// outcome e-mails go to candidates on their own; members choose whether candidate requests e-mail them; and a
// message kept in the outbox because no mail server is set is `kept`, never `sent`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decision_drafts')
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_drafts_pk', ['invitation_id', 'user_id'])
    .execute();

  await db.schema
    .alterTable('interviews')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
  // A fixed deadline was already set in a zone: that is the interview's zone from now on.
  await db
    .updateTable('interviews' as never)
    .set({ time_zone: sql`deadline_time_zone` } as never)
    .where(sql`deadline_time_zone`, 'is not', null)
    .execute();
  for (const column of ['outcome_email_advance', 'outcome_email_hold', 'outcome_email_reject']) {
    await db.schema
      .alterTable('interviews')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  await db.schema
    .alterTable('notification_preferences')
    .addColumn('request_emails', 'text', (c) => c.notNull().defaultTo('immediate'))
    .execute();

  await db
    .updateTable('outbox_emails' as never)
    .set({ status: 'kept' } as never)
    .where(sql`transport`, '=', 'outbox')
    .where(sql`status`, '=', 'sent')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db
    .updateTable('outbox_emails' as never)
    .set({ status: 'sent' } as never)
    .where(sql`status`, '=', 'kept')
    .execute();
  await db.schema.alterTable('notification_preferences').dropColumn('request_emails').execute();
  for (const column of ['outcome_email_reject', 'outcome_email_hold', 'outcome_email_advance', 'time_zone']) {
    await db.schema.alterTable('interviews').dropColumn(column).execute();
  }
  await db.schema.dropTable('decision_drafts').execute();
}
