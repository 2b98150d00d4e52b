import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const takeProcessingSweepPayload = z.object({});

/**
 * Hourly: queues again the takes stuck in processing (a server restarted mid-try, a job lost), a bounded number
 * of times, then marks them failed with the reason. A missed run only delays this by an hour.
 */
export function createTakeProcessingSweepJob(processing: {
  sweepStuckProcessing(): Promise<{ requeued: number; failed: number }>;
}): JobDefinition<typeof takeProcessingSweepPayload> {
  return {
    name: jobNames.takeProcessingSweep,
    payload: takeProcessingSweepPayload,
    attempts: 3,
    backoffMs: 60_000,
    repeat: 'hourly',
    handler: async () => {
      await processing.sweepStuckProcessing();
    },
  };
}
