import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasErrorCode } from '../../api/errorMessages.ts';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { candidateErrorMessage } from '../candidate/candidateErrors.ts';
import { useStartCandidateSession } from '../candidate/useCandidate.ts';

/**
 * /i/<token>/your-data, the link at the end of every candidate e-mail: like the invitation link, its script posts
 * the token for a session (fetching the page consumes nothing), then shows "Your data" with the token gone from
 * the address.
 */
export function YourDataLinkPage() {
  const { t } = useTranslation('candidate');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const start = useStartCandidateSession();
  const started = useRef(false);
  const headingRef = usePageHeading(t('yourData.title'));

  useEffect(() => {
    // Once per visit: StrictMode runs effects twice in development.
    if (started.current) return;
    started.current = true;
    start.mutate(token, { onSuccess: () => void navigate('/your-data', { replace: true }) });
  }, [start, token, navigate]);

  const notFound =
    hasErrorCode(start.error, 'invitation_not_found') || hasErrorCode(start.error, 'validation_failed');
  return (
    <div className="candidate-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('yourData.title')}
      </h1>
      {start.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{notFound ? t('link.notFound') : candidateErrorMessage(t, start.error)}</p>
        </div>
      ) : (
        <Loading label={t('yourData.linkTitle')} />
      )}
    </div>
  );
}
