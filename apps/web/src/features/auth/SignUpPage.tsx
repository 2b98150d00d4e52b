import { signUpSchema } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordStrength } from '../../components/PasswordStrength.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { PasswordHint } from './PasswordHint.tsx';
import { isSession, useInstanceInvitationPreview, useSignUp, useSignUpPolicy } from './useAuthMutations.ts';
import { useSession } from './useSession.ts';

export function SignUpPage() {
  const headingRef = usePageHeading('Create your organisation');
  const [searchParams] = useSearchParams();
  const invitationToken = searchParams.get('invitation');
  const session = useSession();
  const signUp = useSignUp();
  const policy = useSignUpPolicy();
  const invitation = useInstanceInvitationPreview(invitationToken);
  const invitedEmail = invitation.data?.email;
  const form = useForm({ organisationName: '', name: '', email: '', password: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (session.data) return <Navigate to="/" replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (signUp.isPending) return;
    const input = form.validate(signUpSchema, {
      ...form.values,
      email: invitedEmail ?? form.values.email,
      ...(invitationToken ? { invitationToken } : {}),
    });
    if (!input) return;
    signUp.mutate(input, {
      onSuccess: (result) => {
        if (!isSession(result)) setSentTo(input.email);
      },
      onError: form.showError,
    });
  }

  if (sentTo) {
    return (
      <div className="auth-card">
        <h1 ref={headingRef} tabIndex={-1}>
          Check your e-mail
        </h1>
        <p role="status">
          We sent a link to {sentTo}. Open it to confirm the address and create your organisation. The link
          works for a limited time.
        </p>
      </div>
    );
  }

  const closed = policy.data && !policy.data.firstAccount && policy.data.mode !== 'open' && !invitationToken;
  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Create your organisation
      </h1>
      <p className="lead">Set up Oneway for your team. You will be its owner and can invite others next.</p>
      {closed ? (
        <p className="alert alert--info">
          This Oneway instance creates organisations only by invitation. Ask its administrator for one, or ask
          your organisation’s owner to invite you to its team.
        </p>
      ) : null}
      <ErrorMessage error={invitation.error} />
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={signUp.isPending}>
        <TextField {...form.bind('organisationName')} label="Organisation name" autoComplete="organization" />
        <TextField {...form.bind('name')} label="Your name" autoComplete="name" />
        <TextField
          {...form.bind('email')}
          {...(invitedEmail
            ? { value: invitedEmail, readOnly: true, hint: 'The address the invitation is for.' }
            : {})}
          label="E-mail"
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          {...form.bind('password')}
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={<PasswordHint />}
        />
        <PasswordStrength
          password={form.values.password}
          userInputs={[invitedEmail ?? form.values.email, form.values.name, form.values.organisationName]}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Create account
          </button>
        </div>
      </form>
      <p className="auth-card__footer">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </div>
  );
}
