import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const candidateErasePayload = z.object({ erasureId: z.string().min(1) });

/**
 * The files of one erased candidate (their rows went when the erasure began). Safe to repeat: listing the folder
 * again finds nothing; a worker that dies here leaves the record `erasing` for the daily job to finish.
 */
export function createCandidateEraseJob(erasure: {
  eraseFiles(erasureId: string): Promise<void>;
}): JobDefinition<typeof candidateErasePayload> {
  return {
    name: jobNames.candidateErase,
    payload: candidateErasePayload,
    attempts: 5,
    backoffMs: 60_000,
    handler: ({ erasureId }) => erasure.eraseFiles(erasureId),
  };
}
