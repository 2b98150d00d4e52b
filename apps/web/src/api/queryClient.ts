import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { sessionQueryKey } from './queryKeys.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** sendsMail: the mutation writes e-mail, so the session's count of e-mails left today is asked again. */
    mutationMeta: { sendsMail?: boolean };
  }
}

/** Builds the app's query client; any 401 on a signed-in call clears the session, which sends the user to sign in. */
export function createQueryClient(): QueryClient {
  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      queryClient.setQueryData(sessionQueryKey, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({
      onError: handleError,
      onSettled: (_data, _error, _variables, _context, mutation) => {
        if (mutation.meta?.sendsMail) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not fix themselves by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
