import type { CandidateLanding } from '@oneway/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { hasErrorCode } from '../../../api/errorMessages.ts';
import { candidateLandingQueryKey, useCachedCandidateLanding } from '../useCandidate.ts';

/**
 * The candidate's choice, on this device, to end a recording in progress on another device: the next take this
 * device opens asks the server to end that one (`takeOver: true`). Kept for this page's life only (a reload asks
 * again), across the continue page, the landing page and the question.
 */
let isTakeOverChosen = false;

export function chooseTakeOver(): void {
  isTakeOverChosen = true;
}

/** Whether the next take opened here takes over a recording elsewhere. */
export function takeOverOption(): { takeOver?: true } {
  return isTakeOverChosen ? { takeOver: true } : {};
}

/** A take opened here: the choice is spent (a later recording elsewhere is asked about again). */
export function forgetTakeOver(): void {
  isTakeOverChosen = false;
}

/**
 * Another device recording this interview, as this device knows it before starting an answer: from the landing
 * page (`recordingElsewhere`) or from the server refusing a take with `recording_elsewhere`.
 */
export function useHandover({ isPractice, startError }: { isPractice: boolean; startError: unknown }) {
  const landing = useCachedCandidateLanding();
  const queryClient = useQueryClient();
  const [isChosen, setIsChosen] = useState(isTakeOverChosen);
  const isRefused = hasErrorCode(startError, 'recording_elsewhere');
  const knownElsewhere = !isChosen && Boolean(landing?.recordingElsewhere);
  // Practice takes never reach the server, so another device's recording is no obstacle to them.
  const isElsewhere = !isPractice && (isRefused || knownElsewhere);

  const choose = useCallback(() => {
    chooseTakeOver();
    setIsChosen(true);
  }, []);

  /** The server opened a take here, so nothing records elsewhere any more (it was ended, or it finished). */
  const settle = useCallback(() => {
    forgetTakeOver();
    setIsChosen(false);
    queryClient.setQueryData<CandidateLanding>(candidateLandingQueryKey, (old) =>
      old ? { ...old, recordingElsewhere: null } : old,
    );
  }, [queryClient]);

  return { isElsewhere, isRefused, choose, settle };
}
