import type { ApiKey } from '@oneway/shared';
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate, formatDateTime } from '../../lib/formatDate.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { roleLabels } from '../roles.ts';
import { useApiKeys, useRevokeApiKey } from './useApiKeys.ts';

const statusLabels: Record<ApiKey['status'], string> = {
  active: 'Active',
  revoked: 'Revoked',
  inactive: 'Not working',
};

/** Every key of the organisation by its first characters; active ones can be revoked. */
export function ApiKeysList({ feedback }: { feedback: Feedback }) {
  const apiKeys = useApiKeys();
  if (apiKeys.isPending) return <Loading />;
  if (apiKeys.isError) return <ErrorMessage error={apiKeys.error} />;
  if (apiKeys.data.length === 0) return <p className="empty">No API keys yet. Create one below.</p>;
  return (
    <ul className="item-list" aria-label="API keys">
      {apiKeys.data.map((apiKey) => (
        <ApiKeyRow key={apiKey.id} apiKey={apiKey} feedback={feedback} />
      ))}
    </ul>
  );
}

function ApiKeyRow({ apiKey, feedback }: { apiKey: ApiKey; feedback: Feedback }) {
  const revoke = useRevokeApiKey();
  const [isConfirming, setIsConfirming] = useState(false);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Back from the confirmation without revoking, focus returns to the button that opened it.
  useEffect(() => {
    if (wasConfirming.current && !isConfirming) revokeRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  function handleRevoke() {
    setIsConfirming(false);
    if (revoke.isPending) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => feedback.success(`API key “${apiKey.name}” revoked. Requests with it are refused.`),
      onError: feedback.failure,
    });
  }

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title break-anywhere">
          {apiKey.name}{' '}
          <span className={`badge ${apiKey.status === 'active' ? 'badge--active' : 'badge--archived'}`}>
            {statusLabels[apiKey.status]}
          </span>
        </p>
        <p className="item__meta">
          <span className="api-key-code">{apiKey.prefix}…</span>
          <span>Acts as {roleLabels[apiKey.role]}</span>
          <span>
            Created by {apiKey.createdBy.name} on {formatDate(apiKey.createdAt)}
          </span>
          <span>{apiKey.lastUsedAt ? `Last used ${formatDateTime(apiKey.lastUsedAt)}` : 'Never used'}</span>
          {apiKey.revokedAt ? <span>Revoked {formatDate(apiKey.revokedAt)}</span> : null}
        </p>
        {apiKey.status === 'inactive' ? (
          <p className="hint">Its creator is no longer an owner or admin. Revoke it and create a new one.</p>
        ) : null}
      </div>
      {apiKey.status !== 'revoked' && !isConfirming ? (
        <div className="item__actions">
          <button
            ref={revokeRef}
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Revoke API key ${apiKey.name}`}
            aria-disabled={revoke.isPending || undefined}
            onClick={() => setIsConfirming(true)}
          >
            Revoke
          </button>
        </div>
      ) : null}
      {isConfirming ? (
        <InlineConfirm
          question={`Revoke “${apiKey.name}”? Systems using it are refused at once, and this cannot be undone.`}
          confirmLabel="Revoke key"
          onConfirm={handleRevoke}
          onCancel={() => setIsConfirming(false)}
        />
      ) : null}
    </li>
  );
}
