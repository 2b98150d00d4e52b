import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SilenceWarningProps {
  isPractice: boolean;
  /** Takes that still count; null for practice. */
  takesLeft: number | null;
  /** Whether the take is saved: another one starts only then, as in TakeReview. */
  isSaved: boolean;
  onRecordAgain: () => void;
}

/**
 * After a take in which the microphone heard nothing: says so before the take is kept, and offers to record again.
 * It never blocks: the take is saved as usual, and "Keep this take" (or Save and continue) goes on with it. A
 * retake costs a take like any other, since the server cannot tell a silent take from a quiet one.
 */
export function SilenceWarning({ isPractice, takesLeft, isSaved, onRecordAgain }: SilenceWarningProps) {
  const { t } = useTranslation('candidate');
  const [isKept, setIsKept] = useState(false);
  if (isKept) return null;
  const canRecordAgain = isPractice || (takesLeft ?? 0) > 0;
  return (
    <div className="alert alert--warning interview-silence" role="alert">
      <p>
        <strong>{t('interview.silence.title')}</strong>
      </p>
      <p>{t('interview.silence.advice')}</p>
      {isPractice ? null : (
        <p>{canRecordAgain ? t('interview.silence.costsTake') : t('interview.silence.noTakesLeft')}</p>
      )}
      <div className="interview-actions">
        {canRecordAgain ? (
          <button
            type="button"
            className="button button--primary"
            onClick={onRecordAgain}
            disabled={!isSaved}
          >
            {t('interview.silence.recordAgain')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => setIsKept(true)}>
          {t('interview.silence.keep')}
        </button>
      </div>
    </div>
  );
}
