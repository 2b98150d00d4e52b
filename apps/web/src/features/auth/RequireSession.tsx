import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSession } from './useSession.ts';

/** Shows its children only to a signed-in person; everyone else goes to sign in and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.data) return children;
  if (session.isPending) {
    return (
      <main className="page-centered">
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className="page-centered">
        <h1>Oneway is not available right now</h1>
        <ErrorMessage error={session.error}>
          <button type="button" className="button" onClick={() => void session.refetch()}>
            Try again
          </button>
        </ErrorMessage>
      </main>
    );
  }
  return <Navigate to="/signin" replace state={{ from: location }} />;
}
