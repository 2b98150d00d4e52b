import { useEffect, useRef } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useConfirmSignUp } from './useAuthMutations.ts';

/** The e-mailed link of a sign-up: confirms the address, creates the organisation and signs its owner in. */
export function SignUpConfirmPage() {
  const headingRef = usePageHeading('Confirm your sign-up');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const confirm = useConfirmSignUp();
  const sent = useRef(false);

  useEffect(() => {
    // Once only: the token is single-use, and React runs effects twice in development.
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  if (confirm.isSuccess) return <Navigate to="/" replace />;
  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Confirm your sign-up
      </h1>
      {!token ? (
        <p className="alert alert--error" role="alert">
          This page needs the link from your sign-up e-mail.
        </p>
      ) : confirm.isError ? (
        <ErrorMessage error={confirm.error}>
          <p>
            <Link to="/signup">Sign up again</Link>
          </p>
        </ErrorMessage>
      ) : (
        <Loading />
      )}
    </div>
  );
}
