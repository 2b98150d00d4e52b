import type { GuestView } from '@oneway/shared';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { getErrorMessage } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { formatDateTime } from '../../lib/formatDate.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { GuestCandidate } from './GuestCandidate.tsx';
import { startGuestSession, useGuestView } from './guestApi.ts';
import '../reviews/reviews.css';

/**
 * /s/:token: a share link. The token is posted once for a guest cookie, then the address is cleaned to /s so the
 * secret does not stay in the history or get shared further; /s shows the view again from the cookie.
 */
export function SharedReviewPage() {
  const { token } = useParams();
  const start = useMutation({ mutationFn: startGuestSession });
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    start.mutate(token, { onSettled: () => window.history.replaceState(null, '', '/s') });
  }, [token, start]);
  const stored = useGuestView(!token);
  const view = token ? start.data : stored.data;
  const error = token ? start.error : stored.error;
  const pending = token ? !start.isSuccess && !start.isError : stored.isPending;
  return <SharedView view={view} error={error} pending={pending} />;
}

function SharedView({
  view,
  error,
  pending,
}: {
  view: GuestView | undefined;
  error: unknown;
  pending: boolean;
}) {
  const title = error
    ? 'This link does not open'
    : view
      ? `Shared review: ${view.interview.title}`
      : 'Shared review';
  const headingRef = usePageHeading(title);
  const { status, feedback, error: actionError, dismiss } = usePageFeedback();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const candidates = view?.candidates ?? [];
  const currentId = chosenId ?? candidates[0]?.invitationId ?? null;

  return (
    <div className="page page--wide review-page">
      <h1 ref={headingRef} tabIndex={-1} className="break-anywhere">
        {title}
      </h1>
      {pending ? <Loading /> : null}
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{getErrorMessage(error)}</p>
        </div>
      ) : null}
      {view ? (
        <>
          <p className="lead">
            {view.interview.roleTitle} · Read-only, shared until {formatDateTime(view.expiresAt)}
          </p>
          <PageFeedback status={status} error={actionError} onDismiss={dismiss} />
          {candidates.length > 1 ? (
            <nav aria-label="Shared candidates" className="guest-candidates">
              <ul>
                {candidates.map((c) => (
                  <li key={c.invitationId}>
                    <button
                      type="button"
                      className="button button--small"
                      aria-current={c.invitationId === currentId ? 'true' : undefined}
                      onClick={() => setChosenId(c.invitationId)}
                    >
                      {c.name}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {currentId ? (
            <GuestCandidate invitationId={currentId} guestName={view.guestName} feedback={feedback} />
          ) : (
            <p className="muted">No candidates are shared in this link.</p>
          )}
        </>
      ) : null}
    </div>
  );
}
