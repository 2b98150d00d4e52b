import { completePasswordResetSchema } from '@oneway/shared';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordStrength } from '../../components/PasswordStrength.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { PasswordHint } from './PasswordHint.tsx';
import { useCompletePasswordReset } from './useAuthMutations.ts';

export function ResetPasswordPage() {
  const headingRef = usePageHeading('Choose a new password');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const navigate = useNavigate();
  const completeReset = useCompletePasswordReset();
  const form = useForm({ password: '' });
  const linkFailed =
    !token ||
    hasErrorCode(completeReset.error, 'reset_link_invalid') ||
    hasErrorCode(completeReset.error, 'reset_link_expired');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (completeReset.isPending) return;
    const input = form.validate(completePasswordResetSchema, { token, password: form.values.password });
    if (!input) return;
    completeReset.mutate(input, {
      onSuccess: () =>
        void navigate('/signin', {
          replace: true,
          state: { notice: 'Your password has been changed. Sign in with your new password.' },
        }),
      onError: form.showError,
    });
  }

  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Choose a new password
      </h1>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      {!token ? (
        <p className="alert alert--error" role="alert">
          This page needs the link from your password reset e-mail.
        </p>
      ) : null}
      {linkFailed ? (
        <p>
          <Link to="/forgot-password">Request a new reset link</Link>
        </p>
      ) : (
        <form className="form" noValidate onSubmit={handleSubmit} aria-busy={completeReset.isPending}>
          <TextField
            {...form.bind('password')}
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={<PasswordHint />}
          />
          <PasswordStrength password={form.values.password} userInputs={[]} />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              Set password
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
