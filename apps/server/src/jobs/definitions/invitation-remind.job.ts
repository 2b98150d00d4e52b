import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const invitationRemindPayload = z.object({
  invitationId: z.string().min(1),
  /** How many hours before the deadline this reminder is. */
  hours: z.number().int().positive(),
  /** The deadline it was scheduled for; a different one now means the reminder is stale. */
  deadline: z.iso.datetime(),
});

/** E-mails a reminder before the deadline unless the candidate has finished, withdrawn or been given a new one. */
export function createInvitationRemindJob(invitations: {
  remindInvitationBeforeDeadline(payload: z.infer<typeof invitationRemindPayload>): Promise<void>;
}): JobDefinition<typeof invitationRemindPayload> {
  return {
    name: jobNames.invitationRemind,
    payload: invitationRemindPayload,
    attempts: 5,
    backoffMs: 60_000,
    handler: (payload) => invitations.remindInvitationBeforeDeadline(payload),
  };
}
