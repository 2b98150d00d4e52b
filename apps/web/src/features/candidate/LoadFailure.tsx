import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { isEndingError, shouldRetryRefresh } from './interview/gateView.ts';

interface LoadFailureProps {
  error: unknown;
  /** The message for any error but an ended session (the page's own mapping of codes). */
  message: string;
  onRetry: () => void;
}

/** True when a page's data may stay on screen after a failed refresh: the failure may pass (not an ended session). */
export function canKeepAfter(error: unknown): boolean {
  return !isEndingError(error instanceof ApiError ? error.code : null);
}

/**
 * A page that could not load at all. Only an ended session sends the candidate back to the invitation e-mail; any
 * other failure (offline, a server error, a full disk) may pass, so it offers to try again.
 */
export function LoadFailure({ error, message, onRetry }: LoadFailureProps) {
  const { t } = useTranslation('candidate');
  const code = error instanceof ApiError ? error.code : 'unknown';
  return (
    <div className="alert alert--error" role="alert">
      <p>{code === 'candidate_session_invalid' ? t('session.missing') : message}</p>
      {shouldRetryRefresh(code) ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('link.retry')}
        </button>
      ) : null}
    </div>
  );
}
