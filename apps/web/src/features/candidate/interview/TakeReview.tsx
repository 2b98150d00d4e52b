import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewErrorMessage } from './interviewErrors.ts';
import { OfflineNotice, TakeNotices } from './OfflineNotice.tsx';
import { uploadPercentOf, type TakeRecorderState } from './recorder.ts';

interface TakeReviewProps {
  kind: 'video' | 'audio';
  state: TakeRecorderState;
  isPractice: boolean;
  /** Takes that still count; null for practice. */
  takesLeft: number | null;
  onRecordAgain: () => void;
  onSave: () => void;
  isSaving: boolean;
  saveError: unknown;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

/** The take just recorded: saving until the server holds every byte, playback, record again, save and go on. */
export function TakeReview(props: TakeReviewProps) {
  const { kind, state, isPractice, takesLeft, onRecordAgain, onSave, isSaving, saveError, headingRef } =
    props;
  const { t } = useTranslation('candidate');
  const isSaved = state.phase === 'saved';
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
        kind === 'video' ? (
          <video className="interview-playback" src={state.playbackUrl} controls playsInline />
        ) : (
          <audio className="interview-playback-audio" src={state.playbackUrl} controls />
        )
      ) : null}
      {isPractice ? null : isSaved ? (
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
            onClick={onSave}
            disabled={!isSaved || isSaving}
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
          <p>{t('interview.take.lastTake')}</p>
        )}
      </div>
    </section>
  );
}
