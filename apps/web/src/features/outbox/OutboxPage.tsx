import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { canManageOrganisation, useSignedInSession } from '../auth/useSession.ts';
import { MessageDetail } from './MessageDetail.tsx';
import { MessageList } from './MessageList.tsx';
import { useOutbox } from './useOutbox.ts';

export function OutboxPage() {
  const headingRef = usePageHeading('Outbox');
  const session = useSignedInSession();
  const canView = canManageOrganisation(session);
  const outbox = useOutbox(canView);
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('message');
  const selected = outbox.data?.find((message) => message.id === selectedId) ?? null;
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);

  function selectMessage(id: string) {
    setSearchParams({ message: id }, { replace: true });
    // Move to the message so keyboard and screen reader users land on what they opened.
    requestAnimationFrame(() => detailHeadingRef.current?.focus());
  }

  return (
    <div className="page page--wide">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Outbox
        </h1>
        {canView ? (
          <button
            type="button"
            className="button button--small"
            aria-disabled={outbox.isFetching || undefined}
            onClick={() => void outbox.refetch()}
          >
            Refresh
          </button>
        ) : null}
      </div>
      {session.mailDelivery === 'outbox' ? (
        <div className="alert alert--warning">
          <p>
            <strong>No mail server is set, so nothing here was delivered.</strong> Every e-mail is kept here
            only. Set <code>SMTP_URL</code> to send them, or give candidates their link yourself with “Copy
            link” on an interview’s candidates page.
          </p>
        </div>
      ) : (
        <p className="lead">E-mails Oneway has sent through the mail server, newest first.</p>
      )}
      {!canView ? (
        <p className="alert alert--info">Only owners and admins can see the outbox.</p>
      ) : outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <ErrorMessage error={outbox.error} />
      ) : outbox.data.length === 0 ? (
        <p className="empty">No e-mails yet.</p>
      ) : (
        <div className="outbox">
          <MessageList messages={outbox.data} selectedId={selected?.id ?? null} onSelect={selectMessage} />
          <MessageDetail message={selected} headingRef={detailHeadingRef} />
        </div>
      )}
    </div>
  );
}
