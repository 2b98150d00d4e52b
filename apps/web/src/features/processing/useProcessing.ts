import {
  processingOverviewSchema,
  takeProcessingStateSchema,
  type ProcessingOverview,
  type TakeProcessingState,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

export const processingQueryKey = ['processing'] as const;
const enc = encodeURIComponent;

/** Failed and stuck recordings of the organisation with counts per state; owners and admins only. */
export function useProcessingOverview(enabled: boolean) {
  return useQuery({
    queryKey: [...processingQueryKey, 'overview'],
    queryFn: ({ signal }) =>
      requestApi('/processing?limit=100', { schema: processingOverviewSchema, signal }),
    enabled,
  });
}

/** One take's processing and why it failed, for the admin controls on the candidate page. */
export function useTakeProcessing(takeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...processingQueryKey, 'take', takeId],
    queryFn: ({ signal }) =>
      requestApi(`/takes/${enc(takeId)}/processing`, { schema: takeProcessingStateSchema, signal }),
    enabled,
  });
}

/**
 * Queues a take's processing again. The list keeps the row, shown as queued again, until the next refresh, so
 * the person who clicked sees what their click did; the take's own state is replaced by the answer.
 */
export function useRetryProcessing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (takeId: string) =>
      requestApi(`/takes/${enc(takeId)}/processing/retry`, {
        method: 'POST',
        schema: takeProcessingStateSchema,
      }),
    onSuccess: (state: TakeProcessingState) => {
      queryClient.setQueryData([...processingQueryKey, 'take', state.takeId], state);
      queryClient.setQueryData<ProcessingOverview>([...processingQueryKey, 'overview'], (overview) =>
        overview
          ? {
              ...overview,
              problems: overview.problems.map((p) =>
                p.takeId === state.takeId
                  ? { ...p, status: 'queued', isStuck: false, attempts: state.attempts }
                  : p,
              ),
            }
          : overview,
      );
    },
  });
}
