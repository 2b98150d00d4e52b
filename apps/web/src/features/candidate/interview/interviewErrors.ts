import { answersMissingDetailsSchema } from '@oneway/shared';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client.ts';
import { candidateErrorMessage } from '../candidateErrors.ts';

const interviewCodes = [
  'no_takes_left',
  'take_not_open',
  'question_not_revealed',
  'take_not_saved',
  'answers_missing',
  'continue_code_invalid',
  'invitation_expired',
  'consent_required',
  'upload_rejected',
  'media_not_ready',
] as const;

/** The message for a failed request on the interview pages, in the page's language. */
export function interviewErrorMessage(t: TFunction<'candidate'>, error: unknown): string {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'recording_elsewhere') return t('interview.live.elsewhere');
  const known = interviewCodes.find((c) => c === code);
  return known ? t(`interview.errors.${known}`) : candidateErrorMessage(t, error);
}

/** The question positions an `answers_missing` error lists. */
export function missingPositionsOf(error: unknown): number[] {
  if (!(error instanceof ApiError) || error.code !== 'answers_missing') return [];
  const details = answersMissingDetailsSchema.safeParse(error.details);
  return details.success ? details.data.positions : [];
}
