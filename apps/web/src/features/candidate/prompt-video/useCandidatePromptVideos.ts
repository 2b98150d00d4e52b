import { candidatePromptVideosSchema, type CandidatePromptVideos } from '@oneway/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { requestApi } from '../../../api/client.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

export const candidatePromptVideosQueryKey = ['candidate', 'prompt-videos'] as const;

export type CandidateQuestionVideo = CandidatePromptVideos['questions'][number];

/**
 * The intro video and each question's video prompt of the candidate's interview version. A question's addresses
 * come once it is revealed, so revealing one asks again; so does a video that fails to load (addresses expire).
 */
export function useCandidatePromptVideos() {
  return useQuery({
    queryKey: candidatePromptVideosQueryKey,
    queryFn: ({ signal }) =>
      requestApi('/candidate/prompt-videos', {
        schema: candidatePromptVideosSchema,
        signal,
        headers: requestedWithHeaders,
      }),
    // The addresses last 4 hours; ask again well before, never while a video plays.
    staleTime: 60 * 60_000,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}

/** Asks for the videos again (new addresses, or a question's once it is revealed). */
export function useRefreshPromptVideos(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: candidatePromptVideosQueryKey }),
    [queryClient],
  );
}
