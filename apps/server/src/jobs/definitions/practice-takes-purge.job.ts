import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const practiceTakesPurgePayload = z.object({});

/**
 * One-off, enqueued when a worker starts: deletes the practice takes older versions uploaded, with their files
 * (practice never reaches the server any more). Idempotent, so a second run after a restart costs one query.
 */
export function createPracticeTakesPurgeJob(
  purge: () => Promise<number>,
): JobDefinition<typeof practiceTakesPurgePayload> {
  return {
    name: jobNames.practiceTakesPurge,
    payload: practiceTakesPurgePayload,
    attempts: 5,
    backoffMs: 60_000,
    repeat: 'once',
    handler: async () => {
      await purge();
    },
  };
}
