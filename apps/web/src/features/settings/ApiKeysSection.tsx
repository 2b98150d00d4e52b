import type { CreatedApiKey } from '@oneway/shared';
import { useRef, useState } from 'react';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { ApiKeysCreateForm } from './ApiKeysCreateForm.tsx';
import { ApiKeysList } from './ApiKeysList.tsx';
import { ApiKeysNewKey } from './ApiKeysNewKey.tsx';
import './api-keys.css';

/** Organisation API keys (owners and admins): create one, see it once, revoke it. */
export function ApiKeysSection() {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { status, error, feedback, dismiss } = usePageFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="panel" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading" ref={headingRef} tabIndex={-1}>
        API keys
      </h2>
      <p className="hint">
        Other systems, such as your applicant tracking system, can call the <a href="/api/docs">Oneway API</a>{' '}
        with a key in the header <code className="api-key-code">Authorization: Bearer ow_live_…</code>. A key
        acts with the role you choose. It stops working when it is revoked, or when the person who created it
        is no longer an owner or admin.
      </p>
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {created ? (
        <ApiKeysNewKey
          apiKey={created}
          onDone={() => {
            setCreated(null);
            headingRef.current?.focus();
          }}
        />
      ) : null}
      <ApiKeysList feedback={feedback} />
      <ApiKeysCreateForm
        onCreated={(apiKey) => {
          feedback.success(`API key “${apiKey.name}” created.`);
          setCreated(apiKey);
        }}
      />
    </section>
  );
}
