import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import type { ConsentService } from '../consent/consent.service.ts';

export type ConsentReader = Pick<ConsentService, 'getConsentNotice'>;

/**
 * Nothing is recorded or shown before the candidate agreed to the recording notice as it reads now, in whichever
 * language they read it: throws
 * consent_required otherwise, and returns when they agreed.
 */
export async function assertConsentGiven(
  consent: ConsentReader,
  invitation: InvitationsTable,
): Promise<string> {
  const { consentedAt } = await consent.getConsentNotice(invitation);
  if (consentedAt === null) {
    throw new AppError('consent_required', {
      message: 'Read and accept the recording notice before you start.',
    });
  }
  return consentedAt;
}
