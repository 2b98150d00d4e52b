import type { AccountSecurity, TotpSetup } from '@oneway/shared';
import { useState } from 'react';
import type { Feedback } from '../../lib/feedback.ts';
import { RecoveryCodesShown } from '../../components/RecoveryCodesShown.tsx';
import { TotpSetupForm } from '../../components/TotpSetupForm.tsx';
import { useConfirmTotp, useRemoveTotp, useStartTotpSetup } from './useAccountSecurity.ts';

interface TotpSectionProps {
  security: AccountSecurity;
  feedback: Feedback;
}

/** The authenticator app: set it up (key, one code, recovery codes shown once) or remove it. */
export function TotpSection({ security, feedback }: TotpSectionProps) {
  const start = useStartTotpSetup();
  const confirm = useConfirmTotp();
  const remove = useRemoveTotp();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  function handleStart() {
    if (start.isPending) return;
    start.mutate(undefined, { onSuccess: setSetup, onError: feedback.failure });
  }

  function handleConfirm(code: string, onError: (error: unknown) => void) {
    confirm.mutate(code, {
      onSuccess: ({ codes: issued }) => {
        setSetup(null);
        feedback.success('The authenticator app is on. Sign-ins now ask for its code.');
        if (issued.length > 0) setCodes(issued);
      },
      onError,
    });
  }

  function handleRemove() {
    if (remove.isPending) return;
    remove.mutate(undefined, {
      onSuccess: () =>
        feedback.success('The authenticator app is removed. Sign-ins no longer ask for its code.'),
      onError: feedback.failure,
    });
  }

  return (
    <section className="panel" aria-labelledby="totp-heading">
      <h2 id="totp-heading">Authenticator app</h2>
      {codes ? (
        <RecoveryCodesShown codes={codes} onDone={() => setCodes(null)} />
      ) : setup ? (
        <TotpSetupForm
          setup={setup}
          pending={confirm.isPending}
          onConfirm={handleConfirm}
          onCancel={() => setSetup(null)}
        />
      ) : security.totp ? (
        <>
          <p>On. After your password, sign-ins ask for the code your app shows.</p>
          <button type="button" className="button" onClick={handleRemove} aria-busy={remove.isPending}>
            Remove the authenticator app
          </button>
        </>
      ) : (
        <>
          <p>Off. With an authenticator app, a stolen password alone cannot sign in as you.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={handleStart}
            aria-busy={start.isPending}
          >
            Set up an authenticator app
          </button>
        </>
      )}
    </section>
  );
}
