import { emailSchema } from '@oneway/shared';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isPasskeyCancelled } from './passkeyBrowser.ts';
import { usePasskeySignIn, useSsoAvailability, useStartSso } from './useSignInSteps.ts';

interface SignInAlternativesProps {
  /** The address typed so far: single sign-on finds the organisation by its domain. */
  email: string;
  /** Shows a problem with the address next to the e-mail field. */
  onEmailProblem: (message: string) => void;
}

/** Other ways in than the password: a passkey on its own, and single sign-on where an organisation has it. */
export function SignInAlternatives({ email, onEmailProblem }: SignInAlternativesProps) {
  const passkey = usePasskeySignIn();
  const sso = useStartSso();
  const ssoAvailable = useSsoAvailability().data?.available === true;

  function handlePasskey() {
    if (!passkey.isPending) passkey.mutate();
  }

  function handleSso() {
    if (sso.isPending) return;
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      onEmailProblem('Enter your work e-mail address above to sign in with single sign-on');
      return;
    }
    sso.mutate(parsed.data);
  }

  const passkeyError = isPasskeyCancelled(passkey.error) ? null : passkey.error;
  return (
    <div className="sign-in-alternatives">
      <div className="form__actions">
        <button type="button" className="button" onClick={handlePasskey} aria-busy={passkey.isPending}>
          Sign in with a passkey
        </button>
        {ssoAvailable ? (
          <button type="button" className="button" onClick={handleSso} aria-busy={sso.isPending}>
            Sign in with single sign-on
          </button>
        ) : null}
      </div>
      {isPasskeyCancelled(passkey.error) ? (
        <p className="hint" role="status">
          The browser did not use a passkey. Try again, or sign in with your password.
        </p>
      ) : null}
      <ErrorMessage error={passkeyError ?? sso.error} />
    </div>
  );
}
