import type { CandidateAnswer, SavedTake } from '@oneway/shared';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './interviewFormat.ts';

interface AnsweredSummaryProps {
  answer: CandidateAnswer | null;
  savedTakes: SavedTake[];
  /** Takes that still count, for recorded answers; null for written ones. */
  takesLeft: number | null;
  onRecordAgain: () => void;
  onEdit: () => void;
  onContinue: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** A question that already has an answer: what it is, and the choice to record again (while takes remain). */
export function AnsweredSummary(props: AnsweredSummaryProps) {
  const { answer, savedTakes, takesLeft, headingRef } = props;
  const { t, i18n } = useTranslation('candidate');
  const take = answer?.kind === 'take' ? savedTakes.find((s) => s.takeId === answer.takeId) : undefined;
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.answered.heading')}
      </h2>
      <p className="interview-save interview-save--saved" role="status">
        {t('interview.take.saved')}
      </p>
      {answer?.kind === 'text' ? (
        <blockquote className="interview-text-answer">{answer.text}</blockquote>
      ) : take ? (
        <p>
          {t('interview.answered.take', {
            number: take.takeNumber,
            size: formatBytes(take.bytes, i18n.language),
          })}
        </p>
      ) : (
        <p>{t('interview.answered.recorded')}</p>
      )}
      {takesLeft !== null && takesLeft > 0 ? (
        <p className="candidate-hint">{t('interview.answered.recordAgainHint')}</p>
      ) : null}
      <div className="interview-actions">
        <button type="button" className="button button--primary" onClick={props.onContinue}>
          {t('interview.answered.continue')}
        </button>
        {answer?.kind === 'text' ? (
          <button type="button" className="button" onClick={props.onEdit}>
            {t('interview.answered.edit')}
          </button>
        ) : takesLeft !== null && takesLeft > 0 ? (
          <button type="button" className="button" onClick={props.onRecordAgain}>
            {t('interview.take.recordAgain', { count: takesLeft })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
