import type { InvitationDetail } from '@oneway/shared';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { reviewCandidatePath } from '../reviews/reviewQueries.ts';
import { useInterview } from '../interviews/interviewQueries.ts';
import { usePageFeedback, type Feedback } from '../../hooks/usePageFeedback.ts';
import { canEditInterviews } from '../interviews/permissions.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { CandidatePrivacyPanel } from '../privacy/CandidatePrivacyPanel.tsx';
import { AccommodationsForm } from './AccommodationsForm.tsx';
import { CandidateActions } from './CandidateActions.tsx';
import { CandidateOverview } from './CandidateOverview.tsx';
import { CandidateRequestList } from './CandidateRequestList.tsx';
import { CandidateTimeline } from './CandidateTimeline.tsx';
import { candidatesPath, useInvitation } from './invitationQueries.ts';
import { InvitationStatusBadge } from './InvitationStatusBadge.tsx';

/** /interviews/:id/candidates/:invitationId: one candidate's status, timeline, requests and actions. */
export function CandidateDetailPage() {
  const { id = '', invitationId = '' } = useParams();
  const invitation = useInvitation(invitationId);
  const interview = useInterview(id);
  const headingRef = usePageHeading(invitation.data?.name ?? 'Candidate');
  const { status, error, feedback, dismiss } = usePageFeedback();
  const data = invitation.data;

  return (
    <div className="page page--wide">
      <p className="back-link">
        <Link to={candidatesPath(id)}>
          All candidates{interview.data ? ` of “${interview.data.title}”` : ''}
        </Link>
      </p>
      <div className="page-header interview-header">
        <h1 ref={headingRef} tabIndex={-1} className="break-anywhere">
          {data?.name ?? 'Candidate'}
        </h1>
        {data ? <InvitationStatusBadge status={data.status} /> : null}
      </div>
      {data ? <p className="lead break-anywhere">{data.email}</p> : null}
      {data?.status === 'completed' ? (
        <p>
          <Link className="button button--primary" to={reviewCandidatePath(id, invitationId)}>
            Review answers
          </Link>
        </p>
      ) : null}
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {invitation.isPending ? (
        <Loading />
      ) : invitation.isError ? (
        <ErrorMessage error={invitation.error} />
      ) : invitation.data.interviewId !== id ? (
        <ErrorMessage error={new ApiError('not_found', 404, 'Not found')} />
      ) : (
        <CandidateDetail invitation={invitation.data} feedback={feedback} />
      )}
    </div>
  );
}

function CandidateDetail({ invitation, feedback }: { invitation: InvitationDetail; feedback: Feedback }) {
  const isClosed = invitation.status === 'completed' || invitation.status === 'withdrawn';
  const canSeePrivacy = canEditInterviews(useSignedInSession());
  return (
    <div className="interview-layout">
      <div className="interview-layout__main">
        <CandidateOverview invitation={invitation} />
        <CandidateRequestList invitation={invitation} />
        <CandidateTimeline events={invitation.timeline} />
      </div>
      <div className="interview-layout__aside">
        {isClosed ? null : <CandidateActions invitation={invitation} feedback={feedback} />}
        {isClosed ? null : (
          <AccommodationsForm key={invitation.id} invitation={invitation} feedback={feedback} />
        )}
        {canSeePrivacy ? <CandidatePrivacyPanel invitation={invitation} feedback={feedback} /> : null}
      </div>
    </div>
  );
}
