import { sessionInfoSchema, type SessionInfo } from '@oneway/shared';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, requestApi, setCsrfToken } from '../../api/client.ts';
import { sessionQueryKey } from '../../api/queryKeys.ts';

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await requestApi('/auth/me', { schema: sessionInfoSchema });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Who is signed in: the SessionInfo, or null when nobody is. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The session inside the signed-in area, where RequireSession guarantees one exists. */
export function useSignedInSession(): SessionInfo {
  const { data } = useSession();
  if (!data) throw new Error('useSignedInSession used outside RequireSession');
  return data;
}

/** Stores a fresh session (after sign in, sign up or joining) or forgets it (after sign out). */
export function rememberSession(queryClient: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
  // A different person may be signed in now: drop everything loaded for the last one.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/** Owners and admins manage the organisation, its team and its outbox. */
export function canManageOrganisation(session: SessionInfo): boolean {
  return session.role === 'owner' || session.role === 'admin';
}
