import type { Interview } from '@oneway/shared';
import { describeThinkTime } from '../format/questionLabels.ts';
import { formatDuration } from '../format/durations.ts';

/** The practice question, shown before the real ones; it is changed in the interview's settings. */
export function PracticeQuestionItem({ interview }: { interview: Interview }) {
  const practice = interview.practiceQuestion;
  if (!practice.enabled) {
    return <p className="practice practice--off">No practice question. You can offer one in the settings.</p>;
  }
  return (
    <div className="practice">
      <h3 className="question__number">Practice question</h3>
      <p className="practice__note">
        Candidates can try it as often as they like. Its answers never reach reviewers.
      </p>
      <p className="question__prompt">{practice.promptText}</p>
      <dl className="rules">
        <div className="rules__item">
          <dt>Think time</dt>
          <dd>{describeThinkTime(practice.think)}</dd>
        </div>
        <div className="rules__item">
          <dt>Answer time</dt>
          <dd>{formatDuration(practice.answerSeconds)}</dd>
        </div>
      </dl>
    </div>
  );
}
