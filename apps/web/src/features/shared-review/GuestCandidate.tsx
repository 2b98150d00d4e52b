import type { CandidateReview } from '@oneway/shared';
import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { CandidateReviewBody } from '../reviews/CandidateReviewBody.tsx';
import { useScoreAutosave } from '../reviews/useScoreAutosave.ts';
import { requestGuestPlayback, saveGuestScore, useGuestReview, useInvalidateGuestView } from './guestApi.ts';

interface GuestCandidateProps {
  invitationId: string;
  guestName: string | null;
  feedback: Feedback;
}

/** One shared candidate, read-only apart from the guest's own ratings when the link allows them. */
export function GuestCandidate({ invitationId, guestName, feedback }: GuestCandidateProps) {
  const review = useGuestReview(invitationId);
  if (review.isPending) return <Loading />;
  if (review.isError) return <ErrorMessage error={review.error} />;
  return (
    <GuestReviewBody
      key={invitationId}
      review={review.data}
      guestName={guestName}
      onRetry={() => void review.refetch()}
      feedback={feedback}
    />
  );
}

function GuestReviewBody(props: {
  review: CandidateReview;
  guestName: string | null;
  onRetry: () => void;
  feedback: Feedback;
}) {
  const { review } = props;
  const [name, setName] = useState(props.guestName ?? '');
  const trimmed = name.trim();
  const save = useMemo(() => saveGuestScore(review.invitationId, trimmed), [review.invitationId, trimmed]);
  const scores = useScoreAutosave(review, save, useInvalidateGuestView());
  const canRate = review.permissions.canRate;
  return (
    <>
      <h2 className="break-anywhere">{review.candidate.name}</h2>
      {review.accommodationsApplied ? (
        <p className="badge badge--accommodations">Accommodations applied</p>
      ) : null}
      {canRate ? (
        <div className="field guest-name">
          <label className="field__label" htmlFor="guest-name">
            Your name
          </label>
          <p className="field__hint" id="guest-name-hint">
            Your scores are shown to the hiring team under this name. Each score is saved the moment you pick
            it.
          </p>
          <input
            id="guest-name"
            className="input"
            autoComplete="name"
            aria-describedby="guest-name-hint"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
      ) : null}
      <CandidateReviewBody
        review={review}
        scores={scores}
        scoringBlockedBy={canRate && trimmed === '' ? 'Enter your name above to rate.' : null}
        requestPlayback={requestGuestPlayback}
        scope="guest"
        onRetry={props.onRetry}
        feedback={props.feedback}
      />
    </>
  );
}
