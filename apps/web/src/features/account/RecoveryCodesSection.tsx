import type { AccountSecurity } from '@oneway/shared';
import { useState } from 'react';
import type { Feedback } from '../../lib/feedback.ts';
import { RecoveryCodesShown } from '../../components/RecoveryCodesShown.tsx';
import { useRenewRecoveryCodes } from './useAccountSecurity.ts';

interface RecoveryCodesSectionProps {
  security: AccountSecurity;
  feedback: Feedback;
}

/** How many recovery codes are left, and new ones (the old stop working). Only with a second factor. */
export function RecoveryCodesSection({ security, feedback }: RecoveryCodesSectionProps) {
  const renew = useRenewRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);

  function handleRenew() {
    if (renew.isPending) return;
    renew.mutate(undefined, {
      onSuccess: ({ codes: issued }) => {
        feedback.success('New recovery codes made. The old ones no longer work.');
        setCodes(issued);
      },
      onError: feedback.failure,
    });
  }

  const left = security.recoveryCodesLeft;
  return (
    <section className="panel" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recovery codes</h2>
      {codes ? (
        <RecoveryCodesShown codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          <p>
            {left === 1 ? '1 recovery code is left.' : `${left} recovery codes are left.`} Each signs you in
            once when your authenticator app or passkey is not at hand.
          </p>
          <button type="button" className="button" onClick={handleRenew} aria-busy={renew.isPending}>
            Make new recovery codes
          </button>
        </>
      )}
    </section>
  );
}
