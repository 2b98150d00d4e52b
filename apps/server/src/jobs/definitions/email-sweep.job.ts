import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { MailService } from '../../modules/mail/mail.service.ts';
import type { JobDefinition } from '../queue.ts';

const emailSweepPayload = z.object({});

/** Hourly: sends what was written to the outbox but never got its email.send job. */
export function createEmailSweepJob(mail: MailService): JobDefinition<typeof emailSweepPayload> {
  return {
    name: jobNames.emailSweep,
    payload: emailSweepPayload,
    attempts: 3,
    backoffMs: 60_000,
    repeat: 'hourly',
    handler: async () => {
      await mail.requeueStaleEmails();
    },
  };
}
