import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { requestApi } from '../../api/client.ts';
import { getErrorMessage, hasErrorCode } from '../../api/errorMessages.ts';
import { TextField } from '../../components/TextField.tsx';

/** Asks for the password; resolves true once the server took it, false when the person cancelled. */
type AskForPassword = () => Promise<boolean>;

const AskForPasswordContext = createContext<AskForPassword | null>(null);

/**
 * Around the pages that change how one signs in: when the server wants a recent sign-in for a change, asks for the
 * password in a dialog, then lets the change go ahead.
 */
export function RecentSignInProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<((confirmed: boolean) => void) | null>(null);
  const ask = useCallback<AskForPassword>(
    () => new Promise<boolean>((resolve) => setPending(() => resolve)),
    [],
  );
  return (
    <AskForPasswordContext value={ask}>
      {children}
      {pending ? (
        <ConfirmPasswordDialog
          onDone={(confirmed) => {
            pending(confirmed);
            setPending(null);
          }}
        />
      ) : null}
    </AskForPasswordContext>
  );
}

/**
 * Runs a change; if the server answers that the sign-in is not recent enough, asks for the password and runs it
 * once more. A cancelled dialog leaves the server's refusal as the change's error.
 */
export function useWithRecentSignIn() {
  const ask = useContext(AskForPasswordContext);
  return useCallback(
    async <R,>(run: () => Promise<R>): Promise<R> => {
      try {
        return await run();
      } catch (error) {
        if (!ask || !hasErrorCode(error, 'reauthentication_required') || !(await ask())) throw error;
        return run();
      }
    },
    [ask],
  );
}

function ConfirmPasswordDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [isSending, setIsSending] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function confirm() {
    if (isSending) return;
    if (!password) {
      setError('Enter your current password');
      return;
    }
    setIsSending(true);
    try {
      await requestApi('/account/confirm-password', { method: 'POST', body: { password } });
      dialogRef.current?.close();
      onDone(true);
    } catch (failure) {
      setError(
        hasErrorCode(failure, 'invalid_credentials')
          ? 'That password is not right.'
          : getErrorMessage(failure),
      );
      setIsSending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="confirm-password-heading"
      aria-describedby="confirm-password-why"
      onCancel={() => onDone(false)}
    >
      <h2 id="confirm-password-heading">Enter your password</h2>
      <p id="confirm-password-why">
        To change how you sign in, enter your password again. It is asked once more when your sign-in is older
        than a few minutes, so nobody at a screen you left open can change it.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <TextField
          id="confirm-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={password}
          error={error}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSending}>
            Continue
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              dialogRef.current?.close();
              onDone(false);
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
