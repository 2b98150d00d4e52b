import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const sessionsPurgePayload = z.object({});

/**
 * Deletes sessions that can no longer be used. Expiry is also checked whenever a session is used, so this only keeps
 * the table from growing: hourly is plenty and a missed run is harmless.
 */
export function createSessionsPurgeJob(
  sessions: { purgeExpiredSessions(): Promise<number> },
  candidateSessions: { purgeExpiredCandidateSessions(): Promise<number> },
  guests: { purgeEndedGuestSessions(): Promise<number> },
): JobDefinition<typeof sessionsPurgePayload> {
  return {
    name: jobNames.sessionsPurge,
    payload: sessionsPurgePayload,
    attempts: 3,
    backoffMs: 60_000,
    repeat: 'hourly',
    handler: async () => {
      await sessions.purgeExpiredSessions();
      await candidateSessions.purgeExpiredCandidateSessions();
      await guests.purgeEndedGuestSessions();
    },
  };
}
