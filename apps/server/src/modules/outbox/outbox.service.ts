import type { OutboxMessage } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { OutboxEmailRow } from '../mail/mail.repository.ts';
import * as outbox from './outbox.repository.ts';

/** Enough to find a recent sign-up or reset link; older mail is still in the table for operators. */
const listLimit = 200;

export interface OutboxService {
  /** The organisation's newest messages, newest first, at most 200. */
  listMessages(options: { organisationId: string }): Promise<OutboxMessage[]>;
  /** One message of the organisation; not_found for any other organisation's message. */
  getMessage(options: { organisationId: string; id: string }): Promise<OutboxMessage>;
}

const toOutboxMessage = (row: OutboxEmailRow): OutboxMessage => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  status: row.status,
  heldReason: row.held_reason,
  transport: row.transport,
  error: row.error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

export function createOutboxService({ db }: { db: Db }): OutboxService {
  return {
    async listMessages({ organisationId }) {
      const rows = await outbox.listOutboxEmails(db, { organisationId, limit: listLimit });
      return rows.map(toOutboxMessage);
    },
    async getMessage(options) {
      const row = await outbox.findOutboxEmail(db, options);
      if (!row) throw notFound('Message');
      return toOutboxMessage(row);
    },
  };
}
