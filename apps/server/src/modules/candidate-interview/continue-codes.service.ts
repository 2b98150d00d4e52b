import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import {
  continueCodeMaxAttempts,
  continueCodeMinutes,
  type CandidateLanding,
  type ContinueWithCodeInput,
} from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { CandidateService } from '../candidate/candidate.service.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import { withYourDataFooter, yourDataUrlOf } from '../invitations/your-data-footer.ts';
import type { MailService } from '../mail/mail.service.ts';
import { buildContinueCodeMail } from './continue-code-mail.ts';
import * as repo from './continue-codes.repository.ts';

/** Salted with the code's random row id, so equal codes of two invitations never share a hash. */
const hashCode = (id: string, code: string): string =>
  createHash('sha256').update(`${id}:${code}`).digest('hex');

const isSameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// One message for every failure, so the answer never tells whether an address has an interview.
const codeInvalid = () =>
  new AppError('continue_code_invalid', {
    message: 'That code is wrong, has expired or was already used. Ask for a new code on your other device.',
  });

/** Moving a candidate to another device: a one-time code by e-mail, exchanged for a session there. */
export function createContinueCodesService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: Pick<MailService, 'queueEmail'>;
  candidate: Pick<CandidateService, 'getLanding' | 'startCandidateSessionFor'>;
  invitations: Pick<InvitationsService, 'assertInvitationOpen'>;
}) {
  const { db, clock } = deps;

  return {
    /**
     * E-mails a new 6-digit code (from a CSPRNG, stored hashed) to the invitation's address, in the interview's
     * language. It works once, for continueCodeMinutes, and dies after continueCodeMaxAttempts wrong tries; a new
     * code replaces the old one.
     */
    async sendContinueCode(invitation: InvitationsTable): Promise<void> {
      deps.invitations.assertInvitationOpen(invitation);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const id = newId();
      const now = clock.now();
      await repo.replaceContinueCode(db, {
        id,
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        code_hash: hashCode(id, code),
        attempts: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + continueCodeMinutes * 60_000).toISOString(),
        used_at: null,
      });
      const landing = await deps.candidate.getLanding(invitation);
      const mail = buildContinueCodeMail({
        language: landing.language,
        candidateName: invitation.candidate_name,
        companyName: landing.companyName,
        interviewTitle: landing.interviewTitle,
        code,
        minutes: continueCodeMinutes,
        continueUrl: `${deps.config.publicUrl}/continue`,
      });
      await deps.mail.queueEmail({
        organisationId: invitation.organisation_id,
        to: invitation.candidate_email,
        ...withYourDataFooter(mail, {
          language: landing.language,
          companyName: landing.companyName,
          url: yourDataUrlOf(deps.config.publicUrl),
        }),
        aboutInvitationId: invitation.id,
      });
    },

    /**
     * Exchanges an e-mail address and its code for a candidate session, exactly as the link's token does. A wrong
     * code counts against every live code of that address; wrong, expired, used and unknown all answer alike.
     */
    async startSessionWithCode(options: {
      input: ContinueWithCodeInput;
      client: ClientInfo;
      previousValue: string | undefined;
    }): Promise<{ value: string; expiresAt: string; landing: CandidateLanding }> {
      const now = isoNow(clock);
      const limits = { now, maxAttempts: continueCodeMaxAttempts };
      const live = await repo.listLiveCodesForEmail(db, {
        ...limits,
        email: options.input.email.toLowerCase(),
      });
      const match = live.find((row) => isSameHash(row.code_hash, hashCode(row.id, options.input.code)));
      if (!match) {
        await repo.countWrongAttempt(
          db,
          live.map((row) => row.id),
        );
        throw codeInvalid();
      }
      if (!(await repo.consumeContinueCode(db, { ...limits, id: match.id }))) throw codeInvalid();
      const invitation = await repo.findCodeInvitation(db, match.invitation_id);
      if (!invitation) throw codeInvalid();
      // The same start as a link's token: withdrawn refused, a new session id, the opening recorded.
      return deps.candidate.startCandidateSessionFor(invitation, {
        client: options.client,
        previousValue: options.previousValue,
      });
    },
  };
}

export type ContinueCodesService = ReturnType<typeof createContinueCodesService>;
