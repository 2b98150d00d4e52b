import { recoveryCodeSignInSchema, totpSignInSchema, type SecondFactorMethod } from '@oneway/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { isPasskeyCancelled } from './passkeyBrowser.ts';
import { usePasskeySignIn, useSignInWithCode } from './useSignInSteps.ts';

interface SecondFactorStepProps {
  methods: SecondFactorMethod[];
  /** The pending sign-in ended (expired, or too many wrong codes): back to the password. */
  onExpired: (error: unknown) => void;
}

type CodeMethod = 'totp' | 'recovery-code';

/** After the password: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondFactorStep({ methods, onExpired }: SecondFactorStepProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const withCode = useSignInWithCode();
  const withPasskey = usePasskeySignIn();
  const [method, setMethod] = useState<CodeMethod>(methods.includes('totp') ? 'totp' : 'recovery-code');
  const form = useForm({ code: '' });
  const busy = withCode.isPending || withPasskey.isPending;

  useEffect(() => headingRef.current?.focus(), []);

  function handleError(error: unknown) {
    if (hasErrorCode(error, 'sign_in_expired')) onExpired(error);
    else form.showError(error);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = form.validate(method === 'totp' ? totpSignInSchema : recoveryCodeSignInSchema);
    if (input) withCode.mutate({ method, code: input.code }, { onError: handleError });
  }

  function handlePasskey() {
    if (busy) return;
    withPasskey.mutate(undefined, {
      onError: (error) => {
        if (isPasskeyCancelled(error)) {
          form.showIssues([
            { field: '', message: 'The browser did not use a passkey. Try again, or enter a code.' },
          ]);
        } else handleError(error);
      },
    });
  }

  function switchTo(next: CodeMethod) {
    setMethod(next);
    form.reset();
  }

  const isTotp = method === 'totp';
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Confirm it is you
      </h1>
      <p className="lead">
        {isTotp
          ? 'Enter the 6-digit code your authenticator app shows for Oneway.'
          : 'Enter one of the recovery codes you stored when you set up your second factor. Each works once.'}
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={withCode.isPending}>
        <TextField
          {...form.bind('code')}
          key={method}
          label={isTotp ? 'Code from the app' : 'Recovery code'}
          inputMode={isTotp ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={isTotp ? 6 : 40}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Continue
          </button>
        </div>
      </form>
      <div className="sign-in-alternatives">
        {methods.includes('passkey') ? (
          <button type="button" className="button" onClick={handlePasskey} aria-busy={withPasskey.isPending}>
            Use a passkey instead
          </button>
        ) : null}
        {isTotp ? (
          <button type="button" className="button" onClick={() => switchTo('recovery-code')}>
            Use a recovery code
          </button>
        ) : methods.includes('totp') ? (
          <button type="button" className="button" onClick={() => switchTo('totp')}>
            Use the authenticator app
          </button>
        ) : null}
      </div>
    </>
  );
}
