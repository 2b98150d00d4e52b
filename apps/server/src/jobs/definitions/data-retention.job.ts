import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const dataRetentionPayload = z.object({});

/**
 * Daily: finishes erasures a worker left half-way, then erases what retention or a confirmed request made due
 * (never a candidate under a legal hold). Idempotent: a rerun finds the erased candidates gone.
 */
export function createDataRetentionJob(retention: {
  runDueErasures(): Promise<unknown>;
}): JobDefinition<typeof dataRetentionPayload> {
  return {
    name: jobNames.dataRetention,
    payload: dataRetentionPayload,
    attempts: 3,
    backoffMs: 10 * 60_000,
    repeat: 'daily',
    handler: async () => {
      await retention.runDueErasures();
    },
  };
}
