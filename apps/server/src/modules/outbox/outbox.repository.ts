import type { Db } from '../../db/database.ts';
import type { OutboxEmailRow } from '../mail/mail.repository.ts';

/** The newest messages of one organisation. */
export function listOutboxEmails(
  db: Db,
  options: { organisationId: string; limit: number },
): Promise<OutboxEmailRow[]> {
  return (
    db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('organisation_id', '=', options.organisationId)
      // Same-millisecond messages keep a stable order through the id.
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute()
  );
}

export function findOutboxEmail(
  db: Db,
  options: { organisationId: string; id: string },
): Promise<OutboxEmailRow | undefined> {
  return db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('id', '=', options.id)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}
