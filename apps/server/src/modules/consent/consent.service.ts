import { createHash } from 'node:crypto';
import {
  buildConsentNoticeText,
  consentNoticeVersion,
  type ConsentNotice,
  type ConsentRecord,
  type SubmitConsentInput,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { CandidateService } from '../candidate/candidate.service.ts';
import * as repo from './consent.repository.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function createConsentService(deps: { db: Db; clock: Clock; candidate: CandidateService }) {
  const { db, clock } = deps;

  /** The notice as this invitation's candidate sees it, built from the same landing facts the page shows. */
  async function buildNotice(
    invitation: InvitationsTable,
  ): Promise<{ version: string; text: string; hash: string }> {
    const landing = await deps.candidate.getLanding(invitation);
    const text = buildConsentNoticeText({
      language: landing.language,
      companyName: landing.companyName,
      roleTitle: landing.roleTitle,
      interviewTitle: landing.interviewTitle,
      answerTypes: landing.questions.map((q) => q.answerType),
      retentionDays: landing.retention.days,
      contactEmail: landing.contactEmail,
    });
    return { version: consentNoticeVersion, text, hash: sha256(text) };
  }

  return {
    /** The recording notice for the candidate, and when they last agreed to this exact text (null: not yet). */
    async getConsentNotice(invitation: InvitationsTable): Promise<ConsentNotice> {
      const notice = await buildNotice(invitation);
      const latest = await repo.findLatestConsent(db, {
        invitationId: invitation.id,
        noticeHash: notice.hash,
      });
      return { ...notice, consentedAt: latest?.created_at ?? null };
    },

    /**
     * Stores the candidate's consent with the exact text they were shown. The text is rebuilt here, not taken from
     * the page, and the page's hash must match it: a notice that changed after the page loaded is refused.
     */
    async recordConsent(options: {
      invitation: InvitationsTable;
      input: SubmitConsentInput;
      client: ClientInfo;
    }): Promise<ConsentRecord> {
      const { invitation, input } = options;
      if (invitation.status === 'completed')
        throw new AppError('invitation_completed', { message: 'You have already completed this interview.' });
      // Withdrawing consent stopped the interview for good (what was uploaded was erased then).
      if (await repo.hasWithdrawnConsent(db, invitation.id)) {
        throw new AppError('consent_withdrawn', {
          message: 'You withdrew your consent to being recorded, so this interview has stopped.',
        });
      }
      const notice = await buildNotice(invitation);
      if (input.noticeVersion !== notice.version || input.noticeHash !== notice.hash) {
        throw new AppError('validation_failed', {
          message:
            'The recording notice has changed since the page loaded. Reload the page and read it again.',
          details: { fields: [{ field: 'noticeHash', message: 'The notice has changed; reload it' }] },
        });
      }
      const createdAt = isoNow(clock);
      await repo.insertConsent(db, {
        id: newId(),
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        notice_version: notice.version,
        notice_hash: notice.hash,
        notice_text: notice.text,
        ip: options.client.ip,
        user_agent: options.client.userAgent?.slice(0, 500) ?? null,
        created_at: createdAt,
      });
      return { consentedAt: createdAt };
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
