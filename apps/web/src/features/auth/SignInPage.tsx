import { signInSchema } from '@oneway/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { clearFlashNotice, peekFlashNotice } from './flashNotice.ts';
import { getNotice, getRedirectTarget } from './redirectTarget.ts';
import { useSignIn } from './useAuthMutations.ts';
import { useSession } from './useSession.ts';

export function SignInPage() {
  const headingRef = usePageHeading('Sign in');
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const form = useForm({ email: '', password: '' });
  const [flashNotice] = useState(peekFlashNotice);
  const notice = getNotice(location.state) ?? flashNotice;

  useEffect(() => clearFlashNotice(), []);

  // After a successful sign in the session query fills and this sends the person on.
  if (session.data) return <Navigate to={getRedirectTarget(location.state)} replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const input = form.validate(signInSchema);
    if (input) signIn.mutate(input, { onError: form.showError });
  }

  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Sign in
      </h1>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={signIn.isPending}>
        <TextField
          {...form.bind('email')}
          label="E-mail"
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          {...form.bind('password')}
          label="Password"
          type="password"
          autoComplete="current-password"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Sign in
          </button>
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
      </form>
      <p className="auth-card__footer">
        New to Oneway? <Link to="/signup">Create an organisation</Link>
      </p>
    </div>
  );
}
