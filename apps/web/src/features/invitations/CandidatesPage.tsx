import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { reviewListPath } from '../reviews/reviewQueries.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { interviewPath, useInterview } from '../interviews/interviewQueries.ts';
import { canEditInterviews } from '../interviews/permissions.ts';
import { usePageFeedback } from '../../hooks/usePageFeedback.ts';
import { PendingRequests } from '../invitation-requests/PendingRequests.tsx';
import { usePendingInvitationRequests } from '../invitation-requests/useInvitationRequests.ts';
import { CandidateList } from './CandidateList.tsx';
import { ImportCandidates } from './ImportCandidates.tsx';
import { InviteCandidateForm } from './InviteCandidateForm.tsx';
import { NoMailServerBanner } from './NoMailServerBanner.tsx';

/** /interviews/:id/candidates: who is invited and where they stand, with ways to invite more. */
export function CandidatesPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const title = interview.data ? `Candidates: ${interview.data.title}` : 'Candidates';
  const headingRef = usePageHeading(title);
  const canManage = canEditInterviews(useSignedInSession());
  const pending = usePendingInvitationRequests(id);
  const hasPending = canManage && (pending.data?.length ?? 0) > 0;
  const { status, error, feedback, dismiss } = usePageFeedback();
  // Requests stay in view after the last one is decided, so its confirmation is not lost with the section.
  const [showRequests, setShowRequests] = useState(false);
  if (hasPending && !showRequests) setShowRequests(true);

  const data = interview.data;
  const isArchived = Boolean(data?.archivedAt);
  return (
    <div className="page page--wide candidates-page">
      <p className="back-link">
        <Link to={interviewPath(id)}>Back to {data ? `“${data.title}”` : 'the interview'}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="break-anywhere">
        {title}
      </h1>
      {data?.roleTitle ? <p className="lead">{data.roleTitle}</p> : null}
      <p>
        <Link to={reviewListPath(id)}>Review answers and ratings</Link>
      </p>
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {interview.isPending ? (
        <Loading />
      ) : interview.isError ? (
        <ErrorMessage error={interview.error} />
      ) : !canManage ? (
        <p className="alert alert--info">
          Only owners, admins and recruiters can see and invite candidates. Reviewers find answers on the
          review pages.
        </p>
      ) : (
        <>
          <NoMailServerBanner />
          {showRequests ? <PendingRequests interviewId={id} /> : null}
          <CandidateList interviewId={id} feedback={feedback} />
          {isArchived ? (
            <p className="alert alert--info">
              This interview is archived. Unarchive it to invite candidates.
            </p>
          ) : data?.questions.length === 0 ? (
            <p className="alert alert--info">
              Add at least one question before inviting candidates.{' '}
              <Link to={interviewPath(id)}>Go to the questions</Link>
            </p>
          ) : (
            <div className="candidates-forms">
              <InviteCandidateForm interview={interview.data} feedback={feedback} />
              <ImportCandidates interviewId={id} timeZone={interview.data.timeZone} feedback={feedback} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
