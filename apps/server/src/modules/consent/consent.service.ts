import { createHash } from 'node:crypto';
import {
  buildConsentNoticeText,
  consentNoticeVersion,
  interviewLanguages,
  type ConsentNotice,
  type InterviewLanguage,
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

interface Notice {
  version: string;
  language: InterviewLanguage;
  text: string;
  hash: string;
}

export function createConsentService(deps: { db: Db; clock: Clock; candidate: CandidateService }) {
  const { db, clock } = deps;

  /**
   * The notice as this invitation's candidate sees it, built from the same landing facts the page shows: in
   * `language` (the one the pages show), by default the interview's; with the hashes of every language it is offered
   * in, since agreeing to the notice in any of them is agreeing to it.
   */
  async function buildNotice(
    invitation: InvitationsTable,
    language: InterviewLanguage | undefined,
  ): Promise<{ notice: Notice; hashes: string[] }> {
    const landing = await deps.candidate.getLanding(invitation);
    const noticeIn = (noticeLanguage: InterviewLanguage): Notice => {
      const text = buildConsentNoticeText({
        language: noticeLanguage,
        companyName: landing.companyName,
        roleTitle: landing.roleTitle,
        interviewTitle: landing.interviewTitle,
        answerTypes: landing.questions.map((q) => q.answerType),
        retentionDays: landing.retention.days,
        contactEmail: landing.contactEmail,
      });
      return { version: consentNoticeVersion, language: noticeLanguage, text, hash: sha256(text) };
    };
    return {
      notice: noticeIn(language ?? landing.language),
      hashes: interviewLanguages.map((l) => noticeIn(l).hash),
    };
  }

  return {
    /**
     * The recording notice for the candidate in `language` (by default the interview's), and when they last agreed
     * to this notice as it reads now, in any language (null: not yet).
     */
    async getConsentNotice(
      invitation: InvitationsTable,
      language?: InterviewLanguage,
    ): Promise<ConsentNotice> {
      const { notice, hashes } = await buildNotice(invitation, language);
      const latest = await repo.findLatestConsent(db, { invitationId: invitation.id, noticeHashes: hashes });
      return { ...notice, consentedAt: latest?.created_at ?? null };
    },

    /**
     * Stores the candidate's consent with the exact text they were shown. The text is rebuilt here in the language
     * the page names, not taken from the page, and the page's hash must match it: a notice that changed after the
     * page loaded, or the hash of the notice in another language, is refused.
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
      const { notice } = await buildNotice(invitation, input.language);
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
