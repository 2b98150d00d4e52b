import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { discardRecoveredTake, listRecoverableTakes } from './recovery.ts';
import type { RecoverableTake } from './types.ts';

export const recoverableTakesQueryKey = ['candidate', 'recoverableTakes'] as const;

/**
 * The takes kept on this device from an earlier visit (see listRecoverableTakes), of one question when given.
 * Read from IndexedDB, so it works offline too.
 */
export function useRecoverableTakes(questionId?: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: recoverableTakesQueryKey,
    queryFn: listRecoverableTakes,
    // IndexedDB needs no network: never pause this query while offline.
    networkMode: 'always',
    staleTime: 0,
    select: (takes: RecoverableTake[]) =>
      questionId === undefined ? takes : takes.filter((take) => take.questionId === questionId),
  });
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: recoverableTakesQueryKey }),
    [queryClient],
  );
  const discard = useCallback(
    async (takeId: string) => {
      await discardRecoveredTake(takeId);
      await refresh();
    },
    [refresh],
  );
  return { takes: query.data, isLoading: query.isLoading, error: query.error, refresh, discard };
}
