import { jobNames } from '@oneway/shared';
import type { Mailer } from '../../adapters/mailer.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { describeError } from '../../jobs/job-registry.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import {
  findHoldReason,
  listHeldEmails,
  listOrganisationsWithHeldEmails,
  setEmailHold,
} from './mail-holds.ts';
import * as outbox from './mail.repository.ts';

export interface QueueEmailInput {
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** The candidate (invitation) the message is to or about: its copy here is erased with their data. */
  aboutInvitationId?: string;
}

export interface MailService {
  /** Stores the message in the outbox and queues `email.send`; returns the message id. */
  queueEmail(input: QueueEmailInput): Promise<string>;
  /**
   * Sends one outbox message (the `email.send` job). Does nothing for a message already sent or gone; on failure
   * stores the error on the message and throws so the queue retries, marking it failed on the last attempt.
   * Returns how it went out, or null when there was nothing to send.
   */
  sendQueuedEmail(options: {
    messageId: string;
    isLastAttempt: boolean;
  }): Promise<{ transport: 'smtp' | 'outbox' } | null>;
  /**
   * Queues `email.send` again for messages still queued after 10 minutes. Writing the message and queueing its
   * job are two steps; if the second failed, this is what still sends it. Returns how many were looked at.
   */
  requeueStaleEmails(): Promise<number>;
  /**
   * Queues an organisation's held messages, oldest first, as far as its suspension and daily limit allow (after
   * a restore, and hourly from the sweep for a new day). Returns how many went.
   */
  releaseHeldEmails(options: { organisationId: string }): Promise<number>;
}

const staleAfterMs = 10 * 60_000;

export function createMailService(deps: {
  db: Db;
  config: Config;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
}): MailService {
  const { db, queue, mailer, clock, config } = deps;
  const enqueueSend = (messageId: string) =>
    queue.enqueue(jobNames.emailSend, { messageId }, { dedupeKey: `email/${messageId}` });
  const holdReasonOf = (organisationId: string | null) =>
    findHoldReason(db, { organisationId, limit: config.mailDailyLimit, clock });

  async function releaseHeldEmails({ organisationId }: { organisationId: string }): Promise<number> {
    let released = 0;
    for (const message of await listHeldEmails(db, organisationId)) {
      const reason = await holdReasonOf(organisationId);
      if (reason) {
        await setEmailHold(db, { id: message.id, reason });
        break;
      }
      await setEmailHold(db, { id: message.id, reason: null, createdAt: isoNow(clock) });
      await enqueueSend(message.id);
      released += 1;
    }
    return released;
  }

  return {
    releaseHeldEmails,

    async queueEmail(input) {
      const id = newId();
      // A suspended organisation, or one past its daily limit, keeps its message in the outbox as held.
      const heldReason = await holdReasonOf(input.organisationId);
      // The row comes first: if the enqueue below fails the message is still in the outbox, visible as queued.
      await outbox.insertOutboxEmail(db, {
        id,
        organisation_id: input.organisationId,
        to_address: input.to,
        subject: input.subject,
        text_body: input.text,
        html_body: input.html ?? null,
        status: heldReason ? 'held' : 'queued',
        transport: mailer.transport,
        error: null,
        held_reason: heldReason,
        created_at: isoNow(clock),
        sent_at: null,
      });
      if (input.aboutInvitationId) {
        await outbox.linkOutboxEmailToInvitation(db, {
          messageId: id,
          invitationId: input.aboutInvitationId,
        });
      }
      if (!heldReason) await enqueueSend(id);
      return id;
    },

    async requeueStaleEmails() {
      const ids = await outbox.listStaleQueuedEmailIds(db, {
        createdBefore: isoIn(clock, -staleAfterMs),
        limit: 500,
      });
      // Same dedupe key as the first enqueue: a message whose job exists (waiting or retrying) is left alone.
      for (const id of ids) await enqueueSend(id);
      // A new day: messages held for the daily limit may go.
      for (const organisationId of await listOrganisationsWithHeldEmails(db)) {
        await releaseHeldEmails({ organisationId });
      }
      return ids.length;
    },

    async sendQueuedEmail({ messageId, isLastAttempt }) {
      const message = await outbox.findOutboxEmailById(db, messageId);
      // Gone with its organisation, or sent by an earlier try whose completion was not recorded: nothing to do.
      if (!message || message.status === 'sent' || message.status === 'kept' || message.status === 'held')
        return null;
      // Suspended since it was written: it waits for the organisation to be restored.
      const suspended = await findHoldReason(db, {
        organisationId: message.organisation_id,
        limit: null,
        clock,
      });
      if (suspended) {
        await setEmailHold(db, { id: messageId, reason: 'suspended' });
        return null;
      }
      try {
        await mailer.send({
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
        });
      } catch (err) {
        await outbox.recordOutboxEmailError(db, {
          id: messageId,
          error: describeError(err),
          isFinal: isLastAttempt,
        });
        throw err;
      }
      await outbox.markOutboxEmailSent(db, {
        id: messageId,
        transport: mailer.transport,
        sentAt: isoNow(clock),
      });
      return { transport: mailer.transport };
    },
  };
}
