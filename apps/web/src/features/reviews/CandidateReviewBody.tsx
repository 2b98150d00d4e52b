import type { CandidateReview } from '@oneway/shared';
import type { ReactNode } from 'react';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { OverallRating } from './OverallRating.tsx';
import { questionHeadingId, QuestionReview } from './QuestionReview.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { UnsavedScoresGuard } from './UnsavedScoresGuard.tsx';
import type { RequestPlayback } from './usePlayback.ts';
import type { ScoreAutosave } from './useScoreAutosave.ts';

interface CandidateReviewBodyProps {
  review: CandidateReview;
  scores: ScoreAutosave;
  /** Why scores cannot be picked yet (a guest who has not given their name), or null when they can. */
  scoringBlockedBy?: string | null;
  requestPlayback: RequestPlayback;
  scope: 'member' | 'guest';
  onRetry: () => void;
  feedback: Feedback;
  /** Panels under the rating (decision, sharing). */
  aside?: ReactNode;
}

/** Moves focus to a question's player, or its heading when it has none. */
function focusQuestion(position: number) {
  const heading = document.getElementById(questionHeadingId(position));
  const player = heading?.closest('section')?.querySelector<HTMLElement>('.player');
  (player ?? heading)?.focus();
}

/** A candidate's answers with scores and comments, and the overall rating beside them. */
export function CandidateReviewBody(props: CandidateReviewBodyProps) {
  const { review, scores } = props;
  const questions = [...review.questions].sort((a, b) => a.position - b.position);
  return (
    <div className="review-layout">
      <UnsavedScoresGuard scores={scores} />
      <div className="review-layout__main">
        <ShortcutsHelp />
        {questions.length === 0 ? <p className="muted">This interview has no questions.</p> : null}
        {questions.map((question, index) => {
          const next = questions[index + 1];
          return (
            <QuestionReview
              key={question.questionId}
              review={review}
              question={question}
              scores={scores}
              scoringBlockedBy={props.scoringBlockedBy ?? null}
              requestPlayback={props.requestPlayback}
              scope={props.scope}
              onRetry={props.onRetry}
              onNext={next ? () => focusQuestion(next.position) : undefined}
              feedback={props.feedback}
            />
          );
        })}
      </div>
      <div className="review-layout__aside">
        <OverallRating
          review={review}
          scores={scores}
          scoringBlockedBy={props.scoringBlockedBy ?? null}
          scope={props.scope}
        />
        {props.aside}
      </div>
    </div>
  );
}
