import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const takeProcessPayload = z.object({ takeId: z.string().min(1) });

/**
 * Processes one saved take (remux, MP4, poster, transcript audio). Three tries 30 s and ~60 s apart cover a full
 * disk or a busy machine; a recording ffmpeg cannot read fails each try the same way and ends failed with the
 * reason, for an admin to see and retry. Reruns replace the same files, so a duplicate run costs only time.
 */
export function createTakeProcessJob(media: {
  processTake(options: { takeId: string; isLastAttempt: boolean; signal: AbortSignal }): Promise<unknown>;
  resolveProcessingTimeoutMs(takeId: string): Promise<number>;
}): JobDefinition<typeof takeProcessPayload> {
  return {
    name: jobNames.takeProcess,
    payload: takeProcessPayload,
    attempts: 3,
    backoffMs: 30_000,
    // From the answer's length: a 30-minute answer may take over an hour and a half, a 1-minute one minutes.
    resolveTimeoutMs: ({ takeId }) => media.resolveProcessingTimeoutMs(takeId),
    handler: async ({ takeId }, { isLastAttempt, signal }) => {
      await media.processTake({ takeId, isLastAttempt, signal });
    },
  };
}
