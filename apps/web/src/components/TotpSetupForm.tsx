import './second-factor.css';
import { confirmTotpSchema, type TotpSetup } from '@oneway/shared';
import type { FormEvent } from 'react';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';
import { useForm } from '../hooks/useForm.ts';
import { formatTotpSecret } from '../lib/totpSecret.ts';

interface TotpSetupFormProps {
  setup: TotpSetup;
  pending: boolean;
  /** Sends the code; calls back with the error to show when it is refused. */
  onConfirm: (code: string, onError: (error: unknown) => void) => void;
  onCancel?: () => void;
}

/** Adding an authenticator app: the key to type in (or the app's link), then one code to prove it works. */
export function TotpSetupForm({ setup, pending, onConfirm, onCancel }: TotpSetupFormProps) {
  const form = useForm({ code: '' });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const input = form.validate(confirmTotpSchema);
    if (input) onConfirm(input.code, form.showError);
  }

  return (
    <div className="totp-setup">
      <ol className="totp-setup__steps">
        <li>
          In your authenticator app (such as 1Password, Google Authenticator or Aegis), add an account and
          enter this key:
          <p className="totp-setup__secret">
            <code aria-label={`Key: ${setup.secret.split('').join(' ')}`}>
              {formatTotpSecret(setup.secret)}
            </code>
          </p>
          <p className="hint">
            On this device you can also <a href={setup.uri}>open the key in your authenticator app</a>.
          </p>
        </li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
        <TextField
          {...form.bind('code')}
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={6}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Turn on the authenticator app
          </button>
          {onCancel ? (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
