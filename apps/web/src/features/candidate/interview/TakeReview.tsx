import type { SavedTake } from '@oneway/shared';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import { OfflineNotice, TakeNotices } from './OfflineNotice.tsx';
import { RecordingPlayback } from './RecordingPlayback.tsx';
import { uploadPercentOf, type TakeRecorderState } from './recorder.ts';
import { TakeChoice } from './TakeChoice.tsx';

interface TakeReviewProps {
  kind: 'video' | 'audio';
  state: TakeRecorderState;
  isPractice: boolean;
  /** Takes that still count; null for practice. */
  takesLeft: number | null;
  /** The question's saved takes (this one among them once saved); none for practice. */
  savedTakes: SavedTake[];
  onRecordAgain: () => void;
  /** Saves the chosen take as the answer and goes on. */
  onSave: (takeId: string) => void;
  isSaving: boolean;
  saveError: unknown;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/**
 * The take just recorded: saving until the server holds every byte, playback, record again, save and go on. With
 * earlier saved takes, the candidate chooses which one is the answer (the new one unless they pick another).
 */
export function TakeReview(props: TakeReviewProps) {
  const { kind, state, isPractice, takesLeft, onRecordAgain, onSave, isSaving, saveError, headingRef } =
    props;
  const { t } = useTranslation('candidate');
  const [choice, setChoice] = useState<string | null>(null);
  const isSaved = state.phase === 'saved';
  const { takeId } = state;
  // The list waits for the server's list to hold this take, so that what is offered is what is stored.
  const takes =
    isSaved && takeId && props.savedTakes.some((s) => s.takeId === takeId) ? props.savedTakes : [];
  const isChoosing = !isPractice && takes.length > 1;
  const chosen = choice !== null && takes.some((s) => s.takeId === choice) ? choice : takeId;
  const percent = uploadPercentOf(state);
  const canRecordAgain = isPractice || (takesLeft ?? 0) > 0;
  return (
    <section className="candidate-section" aria-labelledby="step-heading">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        {t('interview.take.heading')}
      </h2>
      {isPractice ? (
        // A practice take never leaves the browser: there is nothing to save, and "Saved" would not be true.
        <p className="interview-save" role="status">
          {isSaved ? t('interview.engine.practiceKept') : null}
        </p>
      ) : (
        <p className={`interview-save${isSaved ? ' interview-save--saved' : ''}`} role="status">
          {isSaved ? t('interview.take.saved') : t('interview.take.saving')}
        </p>
      )}
      {isSaved || isPractice ? null : (
        <p className="interview-progress">
          <progress max={100} value={percent} aria-label={t('interview.take.progress')} />
          <span aria-hidden="true">{percent}%</span>
        </p>
      )}
      <OfflineNotice online={state.online} />
      {isSaved ? null : <TakeNotices state={state} />}
      {state.playbackUrl ? (
        <RecordingPlayback kind={kind} src={state.playbackUrl} label={t('interview.take.playback')} />
      ) : null}
      {isChoosing ? (
        <TakeChoice
          kind={kind}
          takes={takes}
          chosenTakeId={chosen}
          justRecordedTakeId={takeId}
          justRecordedSeconds={state.elapsedMs / 1000}
          onChoose={setChoice}
          isDisabled={isSaving}
        />
      ) : null}
      {isPractice ? null : isChoosing ? (
        <p className="candidate-hint">{t('interview.takes.chooseHint')}</p>
      ) : isSaved ? (
        <p className="candidate-hint">{t('interview.take.keptHint')}</p>
      ) : (
        <p className="candidate-hint">{t('interview.take.savingHint')}</p>
      )}
      {saveError ? (
        <div className="alert alert--error" role="alert">
          <p>{interviewErrorMessage(t, saveError)}</p>
        </div>
      ) : null}
      <div className="interview-actions">
        {isPractice ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (chosen) onSave(chosen);
            }}
            disabled={!isSaved || isSaving || !chosen}
          >
            {t('interview.take.saveAndContinue')}
          </button>
        )}
        {canRecordAgain ? (
          <button type="button" className="button" onClick={onRecordAgain} disabled={!isSaved}>
            {isPractice
              ? t('interview.take.tryAgain')
              : t('interview.take.recordAgain', { count: takesLeft ?? 0 })}
          </button>
        ) : (
          <p>{isChoosing ? t('interview.takes.noTakesLeft') : t('interview.take.lastTake')}</p>
        )}
      </div>
    </section>
  );
}
