import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const storageCleanupPayload = z.object({});

/**
 * Hourly: deletes the files nobody will read again (takes not chosen once the interview is submitted, tus uploads
 * and S3 multipart uploads abandoned for a day, old transcript WAVs). A missed run only delays it by an hour.
 */
export function createStorageCleanupJob(cleanup: {
  cleanStorage(): Promise<unknown>;
}): JobDefinition<typeof storageCleanupPayload> {
  return {
    name: jobNames.storageCleanup,
    payload: storageCleanupPayload,
    attempts: 3,
    backoffMs: 60_000,
    repeat: 'hourly',
    handler: async () => {
      await cleanup.cleanStorage();
    },
  };
}
