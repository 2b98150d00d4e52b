import { homeSchema } from '@oneway/shared';
import { useQuery } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

export const homeQueryKey = ['home'] as const;

/** The day's work for the signed-in member; the interviews list reads its per-interview counts too. */
export function useHome() {
  return useQuery({
    queryKey: homeQueryKey,
    queryFn: ({ signal }) => requestApi('/home', { schema: homeSchema, signal }),
    staleTime: 10_000,
  });
}
