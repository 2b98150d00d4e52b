import type { CandidateReview } from '@oneway/shared';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { Feedback } from '../interviews/usePageFeedback.ts';
import { CandidateReviewBody } from '../reviews/CandidateReviewBody.tsx';
import { useRatingDraft } from '../reviews/useRatingDraft.ts';
import { requestGuestPlayback, useGuestReview, useSaveGuestRatings } from './guestApi.ts';

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
  const draft = useRatingDraft(review);
  const save = useSaveGuestRatings(review.invitationId);
  const [name, setName] = useState(props.guestName ?? '');
  return (
    <>
      <h2 className="break-anywhere">{review.candidate.name}</h2>
      {review.accommodationsApplied ? (
        <p className="badge badge--accommodations">Accommodations applied</p>
      ) : null}
      <CandidateReviewBody
        review={review}
        draft={draft}
        saveRatings={() => save.mutateAsync({ ...draft.toInput(), guestName: name.trim() })}
        isSaving={save.isPending}
        requestPlayback={requestGuestPlayback}
        scope="guest"
        onRetry={props.onRetry}
        feedback={props.feedback}
        ratingFields={
          <div className="field">
            <label className="field__label" htmlFor="guest-name">
              Your name
            </label>
            <p className="field__hint" id="guest-name-hint">
              Your ratings are shown to the hiring team under this name.
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
        }
      />
    </>
  );
}
