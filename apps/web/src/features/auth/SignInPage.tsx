import { signInSchema, type SignInNextStep } from '@oneway/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError, type ClientErrorCode } from '../../api/client.ts';
import { errorMessages } from '../../api/errorMessages.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { clearFlashNotice, peekFlashNotice } from './flashNotice.ts';
import { getNotice, getRedirectTarget } from './redirectTarget.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { SetUpSecondFactorStep } from './SetUpSecondFactorStep.tsx';
import { SignInAlternatives } from './SignInAlternatives.tsx';
import { isSession, useSignIn } from './useAuthMutations.ts';
import { useSession } from './useSession.ts';

/** The message for `?sso=<code>`, where a single sign-on that went wrong sends the browser back. */
function ssoProblemOf(code: string | null): string | null {
  if (!code) return null;
  return Object.hasOwn(errorMessages, code)
    ? errorMessages[code as ClientErrorCode]
    : errorMessages.sso_failed;
}

export function SignInPage() {
  const headingRef = usePageHeading('Sign in');
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const form = useForm({ email: '', password: '' });
  const [next, setNext] = useState<SignInNextStep | null>(null);
  const [flashNotice] = useState(peekFlashNotice);
  const notice = getNotice(location.state) ?? flashNotice;
  const ssoProblem = ssoProblemOf(searchParams.get('sso'));

  useEffect(() => clearFlashNotice(), []);

  // After a successful sign in the session query fills and this sends the person on.
  if (session.data) return <Navigate to={getRedirectTarget(location.state)} replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const input = form.validate(signInSchema);
    if (!input) return;
    signIn.mutate(input, {
      onSuccess: (result) => {
        if (!isSession(result)) setNext(result);
      },
      onError: form.showError,
    });
  }

  /** The step after the password ended: start again from the password, saying why. */
  function handleExpired(error: unknown) {
    setNext(null);
    form.reset({ email: form.values.email, password: '' });
    form.showError(error instanceof ApiError ? error : new ApiError('sign_in_expired', 401, ''));
    headingRef.current?.focus();
  }

  if (next?.next === 'second_factor') {
    return (
      <div className="auth-card">
        <SecondFactorStep methods={next.methods} onExpired={handleExpired} />
      </div>
    );
  }
  if (next?.next === 'set_up_second_factor') {
    return (
      <div className="auth-card">
        <SetUpSecondFactorStep organisationName={next.organisationName} onExpired={handleExpired} />
      </div>
    );
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
      {ssoProblem && form.attempt === 0 ? (
        <p className="alert alert--error" role="alert">
          {ssoProblem}
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
      <SignInAlternatives
        email={form.values.email}
        onEmailProblem={(message) => form.showIssues([{ field: 'email', message }])}
      />
      <p className="auth-card__footer">
        New to Oneway? <Link to="/signup">Create an organisation</Link>
      </p>
    </div>
  );
}
