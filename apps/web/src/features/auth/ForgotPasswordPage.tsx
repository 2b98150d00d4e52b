import { requestPasswordResetSchema } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useRequestPasswordReset } from './useAuthMutations.ts';

export function ForgotPasswordPage() {
  const headingRef = usePageHeading('Reset your password');
  const requestReset = useRequestPasswordReset();
  const form = useForm({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (requestReset.isPending) return;
    const input = form.validate(requestPasswordResetSchema);
    if (!input) return;
    requestReset.mutate(input, { onSuccess: () => setSentTo(input.email), onError: form.showError });
  }

  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Reset your password
      </h1>
      <div role="status">
        {sentTo ? (
          <p className="alert alert--success">
            If an account exists for {sentTo}, we have sent it a link to reset the password. The link works
            for a limited time.
          </p>
        ) : null}
      </div>
      {sentTo ? null : (
        <>
          <p className="lead">Enter the e-mail address you sign in with and we will send you a link.</p>
          <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
          <form className="form" noValidate onSubmit={handleSubmit} aria-busy={requestReset.isPending}>
            <TextField
              {...form.bind('email')}
              label="E-mail"
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                Send reset link
              </button>
            </div>
          </form>
        </>
      )}
      <p className="auth-card__footer">
        <Link to="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
