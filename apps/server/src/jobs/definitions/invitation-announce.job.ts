import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const invitationAnnouncePayload = z.object({
  invitationIds: z.array(z.string().min(1)).min(1).max(500),
  actorUserId: z.string().nullable(),
});

/**
 * E-mails the link to each candidate of an imported batch and schedules their reminders and expiry. A retry skips the
 * candidates already e-mailed, so a worker dying half-way through a batch neither loses nor doubles e-mails.
 */
export function createInvitationAnnounceJob(invitations: {
  announceImportedInvitations(payload: z.infer<typeof invitationAnnouncePayload>): Promise<void>;
}): JobDefinition<typeof invitationAnnouncePayload> {
  return {
    name: jobNames.invitationAnnounce,
    payload: invitationAnnouncePayload,
    attempts: 5,
    backoffMs: 30_000,
    handler: (payload) => invitations.announceImportedInvitations(payload),
  };
}
