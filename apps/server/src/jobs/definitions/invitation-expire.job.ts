import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const invitationExpirePayload = z.object({
  invitationId: z.string().min(1),
  deadline: z.iso.datetime(),
  /** Set on the run queued for the end of an answer's grace after the deadline. */
  graceUntil: z.iso.datetime().optional(),
});

/**
 * Marks an invitation expired at its deadline. Queued for each deadline it gets; the handler checks the current one,
 * so a job left from before an extension does nothing. While an answer started before the deadline is in its grace,
 * it queues itself again for the grace's end. Retries cover a worker whose clock runs a little early.
 */
export function createInvitationExpireJob(invitations: {
  expireInvitationAtDeadline(payload: z.infer<typeof invitationExpirePayload>): Promise<void>;
}): JobDefinition<typeof invitationExpirePayload> {
  return {
    name: jobNames.invitationExpire,
    payload: invitationExpirePayload,
    attempts: 5,
    backoffMs: 30_000,
    handler: (payload) => invitations.expireInvitationAtDeadline(payload),
  };
}
