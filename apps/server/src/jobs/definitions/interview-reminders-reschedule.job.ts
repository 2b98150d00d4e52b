import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const rescheduleRemindersPayload = z.object({
  organisationId: z.string().min(1),
  interviewId: z.string().min(1),
});

/** Queues the reminders of an interview's open invitations again after its reminder hours changed. */
export function createInterviewRemindersRescheduleJob(invitations: {
  rescheduleInterviewReminders(payload: z.infer<typeof rescheduleRemindersPayload>): Promise<void>;
}): JobDefinition<typeof rescheduleRemindersPayload> {
  return {
    name: jobNames.interviewRemindersReschedule,
    payload: rescheduleRemindersPayload,
    attempts: 5,
    backoffMs: 60_000,
    handler: (payload) => invitations.rescheduleInterviewReminders(payload),
  };
}
