import type { CandidateAnswer, SavedTake } from '@oneway/shared';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import { formatBytes } from './interviewFormat.ts';
import { TakeChoice } from './TakeChoice.tsx';

interface AnsweredSummaryProps {
  /** The kind of recording, for recorded answers; null for written ones. */
  kind: 'video' | 'audio' | null;
  answer: CandidateAnswer | null;
  savedTakes: SavedTake[];
  /** Takes that still count, for recorded answers; null for written ones. */
  takesLeft: number | null;
  onRecordAgain: () => void;
  /** Makes another saved take the answer, at once. */
  onChooseTake: (takeId: string) => void;
  isSaving: boolean;
  saveError: unknown;
  onEdit: () => void;
  onContinue: () => void;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/**
 * A question that already has an answer: what it is, the choice among its saved takes, and the choice to record
 * again (while takes remain).
 */
export function AnsweredSummary(props: AnsweredSummaryProps) {
  const { kind, answer, savedTakes, takesLeft, isSaving, saveError, headingRef } = props;
  const { t, i18n } = useTranslation('candidate');
  const take = answer?.kind === 'take' ? savedTakes.find((s) => s.takeId === answer.takeId) : undefined;
  const isChoosing = kind !== null && answer?.kind === 'take' && savedTakes.length > 1;
  // The take picked shows as chosen while it is being saved; after a failure, what the server holds shows again.
  const [picked, setPicked] = useState<string | null>(null);
  const chosenTakeId =
    answer?.kind === 'take' ? (saveError ? answer.takeId : (picked ?? answer.takeId)) : null;
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.answered.heading')}
      </h2>
      <p className={`interview-save${isSaving ? '' : ' interview-save--saved'}`} role="status">
        {isSaving ? t('interview.take.saving') : t('interview.take.saved')}
      </p>
      {answer?.kind === 'text' ? (
        <blockquote className="interview-text-answer">{answer.text}</blockquote>
      ) : isChoosing ? (
        <TakeChoice
          kind={kind}
          takes={savedTakes}
          chosenTakeId={chosenTakeId}
          onChoose={(takeId) => {
            setPicked(takeId);
            props.onChooseTake(takeId);
          }}
          isDisabled={isSaving}
        />
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
      {saveError ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, saveError)}</p>
        </div>
      ) : null}
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
