import { jobNames, promptVideoMaxSeconds } from '@oneway/shared';
import { z } from 'zod';
import { processingStepsTimeoutMs } from '../../adapters/ffmpeg.ts';
import type { JobDefinition } from '../queue.ts';

const promptVideoProcessPayload = z.object({ videoId: z.string().min(1) });

/**
 * Processes one uploaded prompt video (remux, MP4, poster), with take.process's three tries 30 s and ~60 s apart.
 * A file that cannot become a video fails at once with the reason; the employer can retry.
 */
export function createPromptVideoProcessJob(promptVideos: {
  processPromptVideo(options: { videoId: string; isLastAttempt: boolean }): Promise<void>;
}): JobDefinition<typeof promptVideoProcessPayload> {
  return {
    name: jobNames.promptVideoProcess,
    payload: promptVideoProcessPayload,
    attempts: 3,
    backoffMs: 30_000,
    // Every ffmpeg step's limit for the longest video accepted (a second over is cut), and 5 minutes of storage.
    timeoutMs: processingStepsTimeoutMs(promptVideoMaxSeconds + 1) + 5 * 60_000,
    handler: ({ videoId }, { isLastAttempt }) => promptVideos.processPromptVideo({ videoId, isLastAttempt }),
  };
}
