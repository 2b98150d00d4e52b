import { openedTakeSchema, type OpenedTake, type OpenTakeInput } from '@oneway/shared';
import { ApiError, requestApi } from '../../../../api/client.ts';
import type { TakeFailure } from './types.ts';
import { requestedWithHeaders } from '../../../../api/requestedWith.ts';

/** Codes that mean this invitation takes no more answers. */
const closedCodes = new Set([
  'invitation_expired',
  'invitation_withdrawn',
  'invitation_completed',
  'candidate_session_invalid',
]);

export type OpenTakeResult = { ok: true; take: OpenedTake } | { ok: false; failure: TakeFailure };

/**
 * Asks the server for a take before recording. No take left and a closed invitation are answers the page shows
 * (`ok: false`); anything else (offline, consent missing, recording_elsewhere...) is thrown as the ApiError. Two
 * takes opened at the same moment make the server refuse one with take_not_open; that one is asked again once.
 * `takeOver` ends the live take of another session of the invitation first (the candidate continues here).
 */
export async function openTake(input: OpenTakeInput & { takeOver?: boolean }): Promise<OpenTakeResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const take = await requestApi('/candidate/takes', {
        method: 'POST',
        body: input,
        headers: requestedWithHeaders,
        schema: openedTakeSchema,
      });
      return { ok: true, take };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'no_takes_left') return { ok: false, failure: { kind: 'no_takes_left' } };
      if (closedCodes.has(error.code)) {
        return { ok: false, failure: { kind: 'closed', message: error.message } };
      }
      if (error.code === 'take_not_open' && attempt === 0) continue;
      throw error;
    }
  }
}
