import './second-factor.css';
import { useEffect, useRef, useState } from 'react';

interface RecoveryCodesShownProps {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
}

/** Recovery codes, shown this once (only their hashes are kept); focus moves here so nobody misses them. */
export function RecoveryCodesShown({
  codes,
  onDone,
  doneLabel = 'I have stored the codes',
}: RecoveryCodesShownProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyStatus('Recovery codes copied.');
    } catch {
      // The clipboard API needs a secure context; the list can still be selected and copied by hand.
      setCopyStatus('Copying was blocked by the browser. Select the codes and copy them yourself.');
    }
  }

  return (
    <div className="recovery-codes" role="group" aria-labelledby="recovery-codes-heading">
      <h3 id="recovery-codes-heading" ref={headingRef} tabIndex={-1}>
        Store your recovery codes now
      </h3>
      <p>
        They are shown only this once. Each one signs you in once if you lose your authenticator app or
        passkey. Keep them somewhere safe, such as a password manager.
      </p>
      <ul className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void handleCopy()}>
          Copy codes
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
      <p className="hint" role="status">
        {copyStatus}
      </p>
    </div>
  );
}
