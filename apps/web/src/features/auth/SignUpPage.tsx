import { signUpSchema } from '@oneway/shared';
import type { FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { PasswordHint } from './PasswordHint.tsx';
import { useSignUp } from './useAuthMutations.ts';
import { useSession } from './useSession.ts';

export function SignUpPage() {
  const headingRef = usePageHeading('Create your organisation');
  const session = useSession();
  const signUp = useSignUp();
  const form = useForm({ organisationName: '', name: '', email: '', password: '' });

  if (session.data) return <Navigate to="/" replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (signUp.isPending) return;
    const input = form.validate(signUpSchema);
    if (input) signUp.mutate(input, { onError: form.showError });
  }

  return (
    <div className="auth-card">
      <h1 ref={headingRef} tabIndex={-1}>
        Create your organisation
      </h1>
      <p className="lead">Set up Oneway for your team. You will be its owner and can invite others next.</p>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={signUp.isPending}>
        <TextField {...form.bind('organisationName')} label="Organisation name" autoComplete="organization" />
        <TextField {...form.bind('name')} label="Your name" autoComplete="name" />
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
          autoComplete="new-password"
          hint={<PasswordHint />}
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
