import type { CandidateReview, ReviewQuestion } from '@oneway/shared';
import { useRef } from 'react';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { AnswerPlayer } from './AnswerPlayer.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentList } from './CommentList.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { ScoreRadios } from './ScoreRadios.tsx';
import { TeamRatings } from './TeamRatings.tsx';
import type { RequestPlayback } from './usePlayback.ts';
import type { ScoreAutosave } from './useScoreAutosave.ts';

export interface QuestionReviewProps {
  review: CandidateReview;
  question: ReviewQuestion;
  scores: ScoreAutosave;
  scoringBlockedBy: string | null;
  requestPlayback: RequestPlayback;
  scope: 'member' | 'guest';
  onRetry: () => void;
  onNext: (() => void) | undefined;
  feedback: Feedback;
}

export const questionHeadingId = (position: number) => `question-${position}-heading`;

/** One question of a candidate's review: the prompt, the answer, the scores and the comments. */
export function QuestionReview(props: QuestionReviewProps) {
  const { review, question, feedback, scores } = props;
  const key = question.questionId;
  const subject = `your score for question ${question.position}`;
  const mediaRef = useRef<HTMLMediaElement | null>(null);
  const hasMedia = question.answer?.kind === 'take';
  const headingId = questionHeadingId(question.position);
  const seek = (seconds: number) => {
    const media = mediaRef.current;
    if (!media) return;
    media.currentTime = seconds;
    media.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="panel question-review" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        Question {question.position}
      </h2>
      <p className="question-review__prompt break-anywhere">{question.promptText}</p>
      <AnswerPlayer
        answer={question.answer}
        label={`Answer to question ${question.position}`}
        mediaRef={mediaRef}
        requestPlayback={props.requestPlayback}
        scope={props.scope}
        onRetry={props.onRetry}
        onNext={props.onNext}
        shortcutsId="player-shortcuts"
      />
      <div className="question-review__rating">
        {review.permissions.canRate ? (
          <>
            <ScoreRadios
              name={`score-${key}`}
              legend={`Your score for question ${question.position}`}
              value={scores.scores[key] ?? null}
              onChange={(score) => scores.pick(key, score)}
              rubric={question.rubric}
              disabled={props.scoringBlockedBy !== null}
              hint={props.scoringBlockedBy}
            />
            <SaveStatus
              state={scores.states[key]}
              error={scores.errors[key]}
              subject={subject}
              onRetry={() => scores.retry(key)}
            />
          </>
        ) : null}
        <h3 className="question-review__subheading">Team ratings</h3>
        <TeamRatings
          scope={props.scope}
          canRate={review.permissions.canRate}
          hidden={review.ratingsHidden}
          ratings={question.otherRatings}
          averageScore={question.averageScore}
          subject="this answer"
        />
      </div>
      <div className="question-review__comments">
        <h3 className="question-review__subheading">Comments</h3>
        <CommentList
          comments={question.comments}
          onSeek={seek}
          feedback={feedback}
          othersHidden={review.ratingsHidden}
        />
        {review.permissions.canComment ? (
          <CommentForm
            invitationId={review.invitationId}
            questionId={question.questionId}
            position={question.position}
            mediaRef={hasMedia ? mediaRef : null}
            feedback={feedback}
          />
        ) : null}
      </div>
    </section>
  );
}
