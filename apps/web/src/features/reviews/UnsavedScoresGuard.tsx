import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import type { ScoreAutosave } from './useScoreAutosave.ts';

/**
 * Stops the reviewer from leaving while a score is not saved: the browser asks before a reload or a closed tab,
 * and moving to another page of the app waits for a choice. Saves on their way finish on their own (keepalive).
 */
export function UnsavedScoresGuard({ scores }: { scores: ScoreAutosave }) {
  const hasFailed = Object.values(scores.states).includes('failed');
  const isSaving = Object.values(scores.states).includes('saving');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => hasFailed && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!hasFailed && !isSaving) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasFailed, isSaving]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="alert alert--error unsaved-guard" role="alertdialog" aria-labelledby="unsaved-guard-text">
      <p id="unsaved-guard-text">
        Some of your scores are not saved. Stay to try again, or leave and lose them.
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" autoFocus onClick={() => blocker.reset()}>
          Stay on this page
        </button>
        <button type="button" className="button" onClick={() => blocker.proceed()}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
