import { useTranslation } from 'react-i18next';
import type { MediaProblem } from './useMediaStream.ts';

/** What went wrong with the camera or microphone, and what to do about it. */
export function MediaProblemAlert({ problem, onRetry }: { problem: MediaProblem; onRetry: () => void }) {
  const { t } = useTranslation('candidate');
  return (
    <div className="alert alert--error" role="alert">
      <p>
        <strong>{t(`deviceCheck.problems.${problem}.title`)}</strong>
      </p>
      <p>{t(`deviceCheck.problems.${problem}.advice`)}</p>
      {problem === 'unsupported' ? null : (
        <p>
          <button type="button" className="button" onClick={onRetry}>
            {t('deviceCheck.tryAgain')}
          </button>
        </p>
      )}
    </div>
  );
}
