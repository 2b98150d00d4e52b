import { passkeyRegistrationSchema, type SessionInfo, type TotpSetup } from '@oneway/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RecoveryCodesShown } from '../../components/RecoveryCodesShown.tsx';
import { TextField } from '../../components/TextField.tsx';
import { TotpSetupForm } from '../../components/TotpSetupForm.tsx';
import { useForm } from '../../hooks/useForm.ts';
import { isPasskeyCancelled } from './passkeyBrowser.ts';
import { useConfirmEnrolmentTotp, useEnrolmentPasskey, useStartEnrolmentTotp } from './useSignInSteps.ts';
import { rememberSession } from './useSession.ts';

interface SetUpSecondFactorStepProps {
  organisationName: string;
  onExpired: (error: unknown) => void;
}

interface SignedIn {
  session: SessionInfo;
  recoveryCodes: string[];
}

/** The organisation requires a second factor and the account has none: set one up to finish signing in. */
export function SetUpSecondFactorStep({ organisationName, onExpired }: SetUpSecondFactorStepProps) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const startTotp = useStartEnrolmentTotp();
  const confirmTotp = useConfirmEnrolmentTotp();
  const addPasskey = useEnrolmentPasskey();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const form = useForm({ name: '' });

  useEffect(() => headingRef.current?.focus(), []);

  const handleError = (show: (error: unknown) => void) => (error: unknown) => {
    if (hasErrorCode(error, 'sign_in_expired')) onExpired(error);
    else show(error);
  };

  function handleStartTotp() {
    if (!startTotp.isPending)
      startTotp.mutate(undefined, { onSuccess: setSetup, onError: handleError(form.showError) });
  }

  function handleConfirmTotp(code: string, onError: (error: unknown) => void) {
    confirmTotp.mutate(code, { onSuccess: setSignedIn, onError: handleError(onError) });
  }

  function handleAddPasskey(event: FormEvent) {
    event.preventDefault();
    if (addPasskey.isPending) return;
    const input = form.validate(passkeyRegistrationSchema, { response: {}, name: form.values.name });
    if (!input) return;
    addPasskey.mutate(input.name, {
      onSuccess: setSignedIn,
      onError: (error) => {
        if (isPasskeyCancelled(error)) {
          form.showIssues([{ field: 'name', message: 'The browser did not create a passkey. Try again.' }]);
        } else handleError(form.showError)(error);
      },
    });
  }

  // The session starts only once the recovery codes were seen, so leaving this page cannot skip them.
  const finish = () => signedIn && rememberSession(queryClient, signedIn.session);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Set up a second factor
      </h1>
      {signedIn ? (
        <RecoveryCodesShown codes={signedIn.recoveryCodes} onDone={finish} doneLabel="Continue to Oneway" />
      ) : setup ? (
        <TotpSetupForm setup={setup} pending={confirmTotp.isPending} onConfirm={handleConfirmTotp} />
      ) : (
        <>
          <p className="lead">
            {organisationName} asks everyone to sign in with a second factor as well as the password. Set one
            up now to continue.
          </p>
          <ErrorSummary errors={form.errors} formError={form.formError} attempt={form.attempt} />
          <h2>Authenticator app</h2>
          <button type="button" className="button button--primary" onClick={handleStartTotp}>
            Set up an authenticator app
          </button>
          <h2>Passkey</h2>
          <form className="form" noValidate onSubmit={handleAddPasskey} aria-busy={addPasskey.isPending}>
            <TextField
              {...form.bind('name')}
              label="Passkey name"
              hint='Where it lives, for example "Work laptop".'
            />
            <div className="form__actions">
              <button type="submit" className="button">
                Add a passkey
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
