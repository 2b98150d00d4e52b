import { playbackSchema, type CandidateReview } from '@oneway/shared';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { requestApi } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageFeedback } from '../../components/PageFeedback.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { statusLabels } from '../invitations/invitationLabels.ts';
import { usePageFeedback, type Feedback } from '../../hooks/usePageFeedback.ts';
import { CandidateNav } from './CandidateNav.tsx';
import { CandidateReviewBody } from './CandidateReviewBody.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { reviewListPath, saveMemberScore, useCandidateReview, useRefreshReviews } from './reviewQueries.ts';
import { readFilters, toSearch } from './reviewSearch.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { ShareLinksList } from './ShareLinksList.tsx';
import { useScoreAutosave } from './useScoreAutosave.ts';
import './reviews.css';

const requestPlayback = (takeId: string) =>
  requestApi(`/takes/${encodeURIComponent(takeId)}/playback`, { method: 'POST', schema: playbackSchema });

/** /interviews/:id/review/:invitationId: one candidate's answers, scores, comments and decision. */
export function CandidateReviewPage() {
  const { id = '', invitationId = '' } = useParams();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const review = useCandidateReview(invitationId, filters);
  const headingRef = usePageHeading(review.data ? `Review: ${review.data.candidate.name}` : 'Review');
  const { status, error, feedback, dismiss } = usePageFeedback();
  const data = review.data;

  return (
    <div className="page page--wide review-page">
      <p className="back-link">
        <Link to={`${reviewListPath(id)}${toSearch(filters)}`}>
          All candidates{data ? ` of “${data.interview.title}”` : ''}
        </Link>
      </p>
      <div className="page-header interview-header">
        <h1 ref={headingRef} tabIndex={-1} className="break-anywhere">
          {data?.candidate.name ?? 'Candidate'}
        </h1>
        {data ? (
          <span className={`badge badge--status-${data.status}`}>{statusLabels[data.status]}</span>
        ) : null}
        {data?.accommodationsApplied ? (
          <span className="badge badge--accommodations">Accommodations applied</span>
        ) : null}
      </div>
      {data ? (
        <p className="lead break-anywhere">
          {data.interview.roleTitle || data.interview.title}
          {data.candidate.email ? ` · ${data.candidate.email}` : ''}
          {data.candidate.anonymised ? ' · Anonymised review' : ''}
        </p>
      ) : null}
      {data ? <CandidateNav interviewId={id} review={data} search={toSearch(filters)} /> : null}
      <PageFeedback status={status} error={error} onDismiss={dismiss} />
      {review.isPending ? (
        <Loading />
      ) : review.isError ? (
        <ErrorMessage error={review.error} />
      ) : (
        <ReviewContent
          key={review.data.invitationId}
          review={review.data}
          onRetry={() => void review.refetch()}
          feedback={feedback}
        />
      )}
    </div>
  );
}

function ReviewContent({
  review,
  onRetry,
  feedback,
}: {
  review: CandidateReview;
  onRetry: () => void;
  feedback: Feedback;
}) {
  const save = useMemo(() => saveMemberScore(review.invitationId), [review.invitationId]);
  // Each saved score may lift the blind on the team's view, so the page asks again.
  const scores = useScoreAutosave(review, save, useRefreshReviews());
  const canShare = review.interview.canManage && review.status === 'completed';
  return (
    <CandidateReviewBody
      review={review}
      scores={scores}
      requestPlayback={requestPlayback}
      scope="member"
      onRetry={onRetry}
      feedback={feedback}
      aside={
        <>
          <DecisionPanel review={review} feedback={feedback} />
          {review.interview.canManage ? (
            <section className="panel" aria-labelledby="share-heading">
              <h2 id="share-heading">Share</h2>
              <p className="hint">
                A read-only link for someone outside the team. It expires, and you can revoke it.
              </p>
              <ShareDialog
                interviewId={review.interview.id}
                invitationIds={[review.invitationId]}
                subject="this candidate"
                disabled={!canShare}
              />
              <ShareLinksList
                interviewId={review.interview.id}
                invitationId={review.invitationId}
                feedback={feedback}
              />
            </section>
          ) : null}
        </>
      }
    />
  );
}
