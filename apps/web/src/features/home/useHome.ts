import { homeSchema } from '@oneway/shared';
import { useQuery } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

export const homeQueryKey = ['home'] as const;

/**
 * The day's work for the signed-in member; the interviews list reads its per-interview counts too. Asked again
 * each time a page showing it opens: a score saved or a decision taken on another page changes "to review".
 */
export function useHome() {
  return useQuery({
    queryKey: homeQueryKey,
    queryFn: ({ signal }) => requestApi('/home', { schema: homeSchema, signal }),
    refetchOnMount: 'always',
  });
}
