import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { candidateErrorMessage } from './candidateErrors.ts';
import { useStartCandidateSession } from './useCandidate.ts';

/**
 * The page the e-mailed link opens. Fetching it consumes nothing (mail scanners follow links); its script posts the
 * token for a session cookie, then replaces the address with /interview so the token leaves the address bar and
 * the history.
 */
export function CandidateLinkPage() {
  const { t } = useTranslation('candidate');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const start = useStartCandidateSession();
  const started = useRef(false);

  useEffect(() => {
    // Once per visit: StrictMode runs effects twice in development.
    if (started.current) return;
    started.current = true;
    start.mutate(token, { onSuccess: () => void navigate('/interview', { replace: true }) });
  }, [start, token, navigate]);

  const notFound =
    hasErrorCode(start.error, 'invitation_not_found') || hasErrorCode(start.error, 'validation_failed');
  const withdrawn = hasErrorCode(start.error, 'invitation_withdrawn');
  const title = notFound
    ? t('link.notFoundTitle')
    : withdrawn
      ? t('link.withdrawnTitle')
      : start.isError
        ? t('link.failedTitle')
        : t('link.title');
  const headingRef = usePageHeading(title);

  return (
    <div className="candidate-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {start.isError ? (
        <div className="alert alert--error" role="alert">
          <p>
            {notFound
              ? t('link.notFound')
              : withdrawn
                ? t('link.withdrawn')
                : candidateErrorMessage(t, start.error)}
          </p>
          {!notFound && !withdrawn ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                start.mutate(token, { onSuccess: () => void navigate('/interview', { replace: true }) })
              }
            >
              {t('link.retry')}
            </button>
          ) : null}
        </div>
      ) : (
        <Loading label={t('link.opening')} />
      )}
    </div>
  );
}
