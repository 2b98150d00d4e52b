import type { CandidateInterview } from '@oneway/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { hasErrorCode } from '../../../api/errorMessages.ts';
import { Loading } from '../../../components/Loading.tsx';
import { useCandidateLanding } from '../useCandidate.ts';
import { interviewErrorMessage } from './interviewErrors.ts';
import { donePath } from './interviewPaths.ts';
import { useCandidateInterview } from './useCandidateInterview.ts';

/**
 * What every interview page needs first: the candidate's progress, loaded; the confirmation once submitted; the
 * consent screen before any question; and a clear message when the deadline has passed.
 */
export function InterviewGate({ children }: { children: (interview: CandidateInterview) => ReactNode }) {
  const { t } = useTranslation('candidate');
  // The layout takes the interview's language, company and colour from the landing page, also after a reload here.
  useCandidateLanding();
  const query = useCandidateInterview();
  if (query.isPending) return <Loading label={t('common.loading')} />;
  if (query.isError) {
    const sessionMissing = hasErrorCode(query.error, 'candidate_session_invalid');
    if (hasErrorCode(query.error, 'invitation_completed')) return <Navigate to={donePath} replace />;
    return (
      <div className="alert alert--error" role="alert">
        <p>{sessionMissing ? t('session.missing') : interviewErrorMessage(t, query.error)}</p>
      </div>
    );
  }
  const interview = query.data;
  if (interview.submittedAt) return <Navigate to={donePath} replace />;
  if (!interview.consentedAt) {
    // Consent given a moment ago on the consent page arrives with this refetch, not in the cached copy.
    if (query.isFetching) return <Loading label={t('common.loading')} />;
    return <Navigate to="/interview/consent" replace />;
  }
  if (interview.expired) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('interview.expired')}</p>
        <p>
          <Link to="/interview">{t('interview.backToDetails')}</Link>
        </p>
      </div>
    );
  }
  return children(interview);
}
