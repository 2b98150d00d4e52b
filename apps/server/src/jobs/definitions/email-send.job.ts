import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { MailService } from '../../modules/mail/mail.service.ts';
import type { JobDefinition } from '../queue.ts';

const emailSendPayload = z.object({ messageId: z.string().min(1) });

/** Told what became of a message, so it can appear where it matters (e.g. an invitation's timeline). */
export interface MailDeliveryListener {
  recordInvitationEmailDelivered(options: { messageId: string }): Promise<void>;
  recordInvitationEmailFailed(options: { messageId: string }): Promise<void>;
}

/** Sends one outbox message. Five tries from 10 s apart cover roughly 2.5 minutes of a mail server being away. */
export function createEmailSendJob(
  mail: MailService,
  listener: MailDeliveryListener,
): JobDefinition<typeof emailSendPayload> {
  return {
    name: jobNames.emailSend,
    payload: emailSendPayload,
    attempts: 5,
    backoffMs: 10_000,
    async handler({ messageId }, { isLastAttempt }) {
      let sent;
      try {
        sent = await mail.sendQueuedEmail({ messageId, isLastAttempt });
      } catch (err) {
        if (isLastAttempt) await listener.recordInvitationEmailFailed({ messageId });
        throw err;
      }
      // "Delivered" means a mail server accepted it; a message kept in the outbox reached nobody yet.
      if (sent?.transport === 'smtp') await listener.recordInvitationEmailDelivered({ messageId });
    },
  };
}
