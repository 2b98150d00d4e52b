import { acceptTeamInvitationSchema, type TeamInvitationPreview } from '@oneway/shared';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordStrength } from '../../components/PasswordStrength.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { PasswordHint } from '../auth/PasswordHint.tsx';
import { useAcceptTeamInvitation } from './useTeamInvitation.ts';

interface JoinFormProps {
  token: string;
  invitation: TeamInvitationPreview;
}

/** New people choose a name and password; people with an account confirm with their password. */
export function JoinForm({ token, invitation }: JoinFormProps) {
  const navigate = useNavigate();
  const accept = useAcceptTeamInvitation();
  const form = useForm({ name: '', password: '' });
  const isNewAccount = !invitation.hasAccount;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (accept.isPending) return;
    const { name, password } = form.values;
    if (isNewAccount && !name.trim()) {
      // The shared schema makes name optional for people who already have an account.
      form.showIssues([{ field: 'name', message: 'Enter your name' }]);
      return;
    }
    const input = form.validate(acceptTeamInvitationSchema, {
      token,
      password,
      ...(isNewAccount ? { name } : {}),
    });
    if (!input) return;
    accept.mutate(input, { onSuccess: () => void navigate('/', { replace: true }), onError: form.showError });
  }

  return (
    <>
      <p className="lead">
        {isNewAccount
          ? `This invitation is for ${invitation.email}. Choose your name and a password to create your account.`
          : `You already have an account as ${invitation.email}. Enter your password to join.`}
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={accept.isPending}>
        {isNewAccount ? <TextField {...form.bind('name')} label="Your name" autoComplete="name" /> : null}
        <TextField
          {...form.bind('password')}
          label="Password"
          type="password"
          autoComplete={isNewAccount ? 'new-password' : 'current-password'}
          hint={isNewAccount ? <PasswordHint /> : undefined}
        />
        {isNewAccount ? (
          <PasswordStrength
            password={form.values.password}
            userInputs={[invitation.email, form.values.name]}
          />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Join
          </button>
        </div>
      </form>
    </>
  );
}
