import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const notificationDigestPayload = z.object({});

/**
 * Sends the daily "candidates completed" digests that are due. Runs hourly, so each member's digest goes out within
 * an hour of its 24 hours being up; a missed run only delays it, and each digest is claimed before it is sent.
 */
export function createNotificationDigestJob(notifications: {
  sendDueDigests(): Promise<number>;
}): JobDefinition<typeof notificationDigestPayload> {
  return {
    name: jobNames.notificationDigest,
    payload: notificationDigestPayload,
    attempts: 3,
    backoffMs: 60_000,
    repeat: 'hourly',
    handler: async () => {
      await notifications.sendDueDigests();
    },
  };
}
