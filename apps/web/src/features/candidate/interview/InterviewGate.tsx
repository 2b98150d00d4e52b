import type { CandidateInterview } from '@oneway/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { Loading } from '../../../components/Loading.tsx';
import { useCandidateLanding } from '../useCandidate.ts';
import { LoadFailure } from '../LoadFailure.tsx';
import { chooseGateView, isRefreshFailing } from './gateView.ts';
import { interviewErrorMessage } from './interviewErrors.ts';
import { donePath } from './interviewPaths.ts';
import { LiveInterviewContext } from './LiveInterview.tsx';
import { useCandidateInterview } from './useCandidateInterview.ts';
import { useRetryWithBackoff } from './useRetryWithBackoff.ts';

/**
 * What every interview page needs first: the candidate's progress, loaded; the confirmation once submitted; the
 * consent screen before any question; and a clear message when the deadline (and its grace) has passed. Once the
 * page is up, a failed refresh never replaces it (see gateView.ts): it is said beside the page and asked again.
 */
export function InterviewGate({ children }: { children: (interview: CandidateInterview) => ReactNode }) {
  const { t } = useTranslation('candidate');
  // The layout takes the interview's language, company and colour from the landing page, also after a reload here.
  useCandidateLanding();
  const query = useCandidateInterview();
  const [isTakeBusy, setIsTakeBusy] = useState(false);
  const errorCode = query.error ? (query.error instanceof ApiError ? query.error.code : 'unknown') : null;
  const gate = { interview: query.data, errorCode, isFetching: query.isFetching, isTakeBusy };
  const isFailing = isRefreshFailing(gate);
  const live = useMemo(() => ({ isRefreshFailing: isFailing, reportTakeBusy: setIsTakeBusy }), [isFailing]);
  useRetryWithBackoff(errorCode, query.errorUpdatedAt, query.refetch);

  const view = chooseGateView(gate);
  if (view === 'page' && query.data) {
    return <LiveInterviewContext.Provider value={live}>{children(query.data)}</LiveInterviewContext.Provider>;
  }
  if (view === 'done') return <Navigate to={donePath} replace />;
  if (view === 'consent') return <Navigate to="/interview/consent" replace />;
  if (view === 'failed') {
    return (
      <LoadFailure
        error={query.error}
        message={interviewErrorMessage(t, query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (view === 'expired') {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('interview.expired')}</p>
        <p>
          <Link to="/interview">{t('interview.backToDetails')}</Link>
        </p>
      </div>
    );
  }
  return <Loading label={t('common.loading')} />;
}
