import { changePasswordSchema, type SessionInfo } from '@oneway/shared';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordStrength } from '../../components/PasswordStrength.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { PasswordHint } from '../auth/PasswordHint.tsx';
import { useChangePassword } from '../auth/useAuthMutations.ts';
import type { Feedback } from '../../lib/feedback.ts';

interface ChangePasswordSectionProps {
  session: SessionInfo;
  feedback: Feedback;
}

/** Changing the password while signed in: the current one first; every other session ends. */
export function ChangePasswordSection({ session, feedback }: ChangePasswordSectionProps) {
  const change = useChangePassword();
  const form = useForm({ currentPassword: '', newPassword: '' });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    const input = form.validate(changePasswordSchema);
    if (!input) return;
    change.mutate(input, {
      onSuccess: () => {
        form.reset();
        feedback.success('Your password has been changed. You are signed out on every other device.');
      },
      onError: form.showError,
    });
  }

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={change.isPending}>
        {/* Lets password managers tie the new password to the right account. */}
        <input type="email" autoComplete="username" value={session.user.email} readOnly hidden />
        <TextField
          {...form.bind('currentPassword')}
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          {...form.bind('newPassword')}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={<PasswordHint />}
        />
        <PasswordStrength
          password={form.values.newPassword}
          userInputs={[session.user.email, session.user.name, session.organisation.name]}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
