import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

const knownCodes = [
  'invitation_not_found',
  'invitation_withdrawn',
  'invitation_completed',
  'candidate_session_invalid',
  'request_pending',
  'rate_limited',
  'network_error',
  'csrf_failed',
  'validation_failed',
] as const;

/**
 * The message for a failed candidate request, in the page's language. Only `candidate_session_invalid` sends the
 * candidate back to the invitation e-mail; a server error or a full disk is a calm "try again in a moment".
 */
export function candidateErrorMessage(t: TFunction<'candidate'>, error: unknown): string {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'storage_unavailable') return t('interview.live.busy');
  const known = knownCodes.find((c) => c === code);
  return known ? t(`errors.${known}`) : t('errors.generic');
}
