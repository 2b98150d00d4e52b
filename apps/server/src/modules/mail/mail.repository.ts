import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OutboxEmailsTable } from '../../db/schema/outbox-emails.ts';

export type OutboxEmailRow = Selectable<OutboxEmailsTable>;

export async function insertOutboxEmail(db: Db, row: OutboxEmailRow): Promise<void> {
  await db.insertInto('outbox_emails').values(row).execute();
}

/** Ties a message to the candidate it is about, so its copy is erased with them. */
export async function linkOutboxEmailToInvitation(
  db: Db,
  options: { messageId: string; invitationId: string },
): Promise<void> {
  await db
    .insertInto('outbox_email_invitations')
    .values({ message_id: options.messageId, invitation_id: options.invitationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function findOutboxEmailById(db: Db, id: string): Promise<OutboxEmailRow | undefined> {
  return db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markOutboxEmailSent(
  db: Db,
  options: { id: string; transport: OutboxEmailRow['transport']; sentAt: string },
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ status: 'sent', transport: options.transport, sent_at: options.sentAt, error: null })
    .where('id', '=', options.id)
    .execute();
}

/** Keeps the latest error next to the message; `failed` once the queue has given up on it. */
export async function recordOutboxEmailError(
  db: Db,
  options: { id: string; error: string; isFinal: boolean },
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ error: options.error, status: options.isFinal ? 'failed' : 'queued' })
    .where('id', '=', options.id)
    .where('status', '!=', 'sent')
    .execute();
}

/** Messages still queued that were written before `createdBefore`, oldest first. */
export async function listStaleQueuedEmailIds(
  db: Db,
  options: { createdBefore: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox_emails')
    .select('id')
    .where('status', '=', 'queued')
    .where('created_at', '<', options.createdBefore)
    .orderBy('created_at')
    .limit(options.limit)
    .execute();
  return rows.map((r) => r.id);
}
