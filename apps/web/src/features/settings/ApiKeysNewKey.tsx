import type { CreatedApiKey } from '@oneway/shared';
import { useEffect, useRef, useState } from 'react';

interface ApiKeysNewKeyProps {
  apiKey: CreatedApiKey;
  onDone: () => void;
}

/** The whole key, shown this once; focus moves here so nobody misses it. */
export function ApiKeysNewKey({ apiKey, onDone }: ApiKeysNewKeyProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);

  useEffect(() => headingRef.current?.focus(), [apiKey.id]);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setCopyStatus('Key copied.');
    } catch {
      // The clipboard API needs a secure context; selecting the text lets people copy it themselves.
      inputRef.current?.select();
      setCopyStatus('Copying was blocked by the browser. The key is selected: press Ctrl+C or ⌘+C.');
    }
  }

  return (
    <div className="api-key-new" role="group" aria-labelledby="api-key-new-heading">
      <h3 id="api-key-new-heading" ref={headingRef} tabIndex={-1}>
        Copy the key “{apiKey.name}” now
      </h3>
      <p>It is shown only this once. Store it where the system that uses it keeps its secrets.</p>
      <label className="field__label" htmlFor="api-key-new-value">
        API key
      </label>
      <div className="api-key-new__row">
        <input
          ref={inputRef}
          id="api-key-new-value"
          className="input api-key-code"
          value={apiKey.key}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void handleCopy()}>
          Copy
        </button>
      </div>
      <p className="hint" role="status">
        {copyStatus}
      </p>
      <button type="button" className="button button--primary" onClick={onDone}>
        I have stored the key
      </button>
    </div>
  );
}
