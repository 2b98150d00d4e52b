import type { Readable } from 'node:stream';
import {
  erasureLinkHours,
  type CandidateData,
  type ConsentWithdrawn,
  type ErasureConfirmed,
  type ErasureRequestSent,
  type InterviewSnapshot,
} from '@oneway/shared';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import { formatDeadline } from '../invitations/deadlines.ts';
import type { MailService } from '../mail/mail.service.ts';
import { buildCandidateExport } from './data-export.ts';
import { findErasableInvitation, findErasureByRequestTokenHash } from './erasure.repository.ts';
import type { ErasureService } from './erasure.service.ts';
import * as privacyRepo from './privacy.repository.ts';
import { findPrivacySettings } from './privacy-settings.repository.ts';
import { decideRequestDueAt } from './retention-rules.ts';
import { planOrganisation } from './retention.service.ts';
import {
  buildConsentWithdrawnTeamMail,
  buildErasureLinkMail,
  buildErasureRequestedTeamMail,
} from './your-data-mail.ts';
import * as repo from './your-data.repository.ts';

const hourMs = 3_600_000;

/** The candidate's own rights, self-service: see and download their data, withdraw consent, ask for erasure. */
export function createYourDataService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: Pick<MailService, 'queueEmail'>;
  mediaStorage: MediaStorage;
  audit: AuditService;
  invitationEvents: InvitationEventsService;
  erasure: ErasureService;
}) {
  const { db, clock } = deps;

  async function contextOf(invitation: Pick<InvitationsTable, 'id'>) {
    const row = await repo.findCompanyAndInterview(db, invitation.id);
    const snapshot = JSON.parse(row.snapshot) as InterviewSnapshot;
    return { companyName: row.company_name, interviewTitle: snapshot.title, language: snapshot.language };
  }

  async function tellTeam(
    invitation: InvitationsTable,
    build: typeof buildErasureRequestedTeamMail,
    facts: { dueAt?: string; stoppedUnsubmitted?: boolean } = {},
  ): Promise<void> {
    const { interviewTitle } = await contextOf(invitation);
    const content = build({
      candidateName: invitation.candidate_name,
      interviewTitle,
      candidateUrl: `${deps.config.publicUrl}/interviews/${invitation.interview_id}/candidates/${invitation.id}`,
      ...(facts.dueAt ? { dueAt: formatDeadline(facts.dueAt, 'en', 'UTC') } : {}),
      stoppedUnsubmitted: facts.stoppedUnsubmitted ?? false,
    });
    for (const to of await privacyRepo.listPrivacyManagerEmails(db, invitation.organisation_id)) {
      await deps.mail.queueEmail({
        organisationId: invitation.organisation_id,
        to,
        ...content,
        aboutInvitationId: invitation.id,
      });
    }
  }

  /**
   * Erases what the candidate uploaded and stops the interview: their consent no longer stands. The team is told
   * here unless the caller tells them in its own e-mail (one act, one e-mail).
   */
  async function withdraw(
    invitation: InvitationsTable,
    now: string,
    options: { tellTeam: boolean } = { tellTeam: true },
  ): Promise<boolean> {
    if (invitation.status === 'completed') return false;
    const withdrawn = await repo.markConsentsWithdrawn(db, { invitationId: invitation.id, now });
    if (withdrawn === 0) return false;
    const erasable = await findErasableInvitation(db, { invitationId: invitation.id });
    if (!erasable) return false;
    const erased = await deps.erasure.eraseUploads(erasable);
    await deps.invitationEvents.recordInvitationEvent({
      invitationId: invitation.id,
      organisationId: invitation.organisation_id,
      type: 'consent_withdrawn',
      details: { takes: erased.takes, textAnswers: erased.textAnswers },
    });
    await deps.audit.recordEvent({
      organisationId: invitation.organisation_id,
      actorUserId: null,
      action: 'candidate.consent_withdrawn',
      targetType: 'invitation',
      targetId: invitation.id,
      details: erased,
    });
    if (options.tellTeam) await tellTeam(invitation, buildConsentWithdrawnTeamMail);
    return true;
  }

  return {
    /** Everything held about the candidate, in counts and plain values, and where an erasure stands. */
    async getCandidateData(invitation: InvitationsTable): Promise<CandidateData> {
      const now = clock.now();
      const [context, takes, answers, consents, request, hold, settings, { plans }] = await Promise.all([
        contextOf(invitation),
        repo.listSavedTakes(db, invitation.id),
        repo.listAnswers(db, invitation.id),
        repo.listConsents(db, invitation.id),
        privacyRepo.findErasureRequest(db, invitation.id),
        privacyRepo.findLegalHold(db, invitation.id),
        findPrivacySettings(db, invitation.organisation_id),
        planOrganisation(db, {
          organisationId: invitation.organisation_id,
          invitationId: invitation.id,
          now,
        }),
      ]);
      const inForce = consents.filter((c) => c.withdrawn_at === null).at(-1) ?? null;
      const withdrawnAt =
        consents
          .map((c) => c.withdrawn_at)
          .filter((w) => w !== null)
          .at(-1) ?? null;
      const linkLive =
        request && !request.confirmed_at && Date.parse(request.link_expires_at) > now.getTime();
      const status = request?.confirmed_at ? (hold ? 'held' : 'scheduled') : linkLive ? 'link_sent' : 'none';
      const plan = plans[0];
      return {
        companyName: context.companyName,
        interviewTitle: context.interviewTitle,
        name: invitation.candidate_name,
        email: invitation.candidate_email,
        phone: invitation.candidate_phone,
        timeZone: invitation.candidate_time_zone,
        recordings: takes.length,
        textAnswers: answers.filter((a) => a.kind === 'text').length,
        consentedAt: inForce?.created_at ?? null,
        consentWithdrawnAt: inForce ? null : withdrawnAt,
        canWithdrawConsent: invitation.status !== 'completed' && inForce !== null,
        submitted: invitation.status === 'completed',
        retentionDays: plan?.days ?? null,
        retentionEraseAt: plan?.retentionEraseAt ?? null,
        erasure: {
          status,
          requestedAt: status === 'none' ? null : (request?.requested_at ?? null),
          linkExpiresAt: status === 'link_sent' ? (request?.link_expires_at ?? null) : null,
          dueAt: request?.confirmed_at ? request.due_at : null,
        },
        erasureWindowDays: settings.erasureWindowDays,
      };
    },

    /** The ZIP of everything held about the candidate, streamed. */
    exportCandidateData(invitation: InvitationsTable): Promise<Readable> {
      return buildCandidateExport(db, deps.mediaStorage, invitation);
    },

    /**
     * E-mails a confirmation link to the invitation's own address (so only its owner can confirm); a new request
     * replaces an unconfirmed one. A confirmed request stands: asking again changes nothing.
     */
    async requestErasure(invitation: InvitationsTable): Promise<ErasureRequestSent> {
      const existing = await privacyRepo.findErasureRequest(db, invitation.id);
      if (existing?.confirmed_at) {
        throw new AppError('erasure_link_used', {
          message: 'You have already confirmed that your data should be erased.',
          details: { dueAt: existing.due_at },
        });
      }
      const token = createToken();
      const linkExpiresAt = isoIn(clock, erasureLinkHours * hourMs);
      await privacyRepo.replaceErasureRequest(db, {
        id: newId(),
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        token_hash: hashToken(token),
        requested_at: isoNow(clock),
        link_expires_at: linkExpiresAt,
      });
      const [context, settings] = await Promise.all([
        contextOf(invitation),
        findPrivacySettings(db, invitation.organisation_id),
      ]);
      const content = buildErasureLinkMail({
        ...context,
        candidateName: invitation.candidate_name,
        confirmUrl: `${deps.config.publicUrl}/your-data/erase/${token}`,
        hours: erasureLinkHours,
        windowDays: settings.erasureWindowDays,
      });
      await deps.mail.queueEmail({
        organisationId: invitation.organisation_id,
        to: invitation.candidate_email,
        ...content,
        aboutInvitationId: invitation.id,
      });
      await deps.invitationEvents.recordInvitationEvent({
        invitationId: invitation.id,
        organisationId: invitation.organisation_id,
        type: 'erasure_requested',
      });
      return { linkExpiresAt };
    },

    /**
     * The e-mailed link was followed: the request is confirmed once and falls due within the organisation's window;
     * an interview not yet submitted stops at once (what was uploaded goes now). Works without a session, since
     * the link may open in another browser. Used, expired and unknown links each get their own answer.
     */
    async confirmErasure(token: string): Promise<ErasureConfirmed> {
      const tokenHash = hashToken(token);
      const request = await privacyRepo.findErasureRequestByTokenHash(db, tokenHash);
      if (!request) {
        const done = await findErasureByRequestTokenHash(db, tokenHash);
        if (done) {
          throw new AppError('erasure_link_used', {
            message: 'This link has been used already, and your data has been erased.',
            details: { erasedAt: done.erased_at ?? done.started_at },
          });
        }
        throw new AppError('erasure_link_invalid', {
          message: 'This link is not valid. Check that you opened the whole link, or ask for a new one.',
        });
      }
      if (request.confirmed_at) {
        throw new AppError('erasure_link_used', {
          message: 'This link has been used already: your request is confirmed.',
          details: { dueAt: request.due_at },
        });
      }
      const now = clock.now();
      if (Date.parse(request.link_expires_at) <= now.getTime()) {
        throw new AppError('erasure_link_expired', {
          message: 'This link has expired. Ask for a new one on the "Your data" page.',
        });
      }
      const settings = await findPrivacySettings(db, request.organisation_id);
      const dueAt = decideRequestDueAt(now, settings.erasureWindowDays);
      if (
        !(await privacyRepo.confirmErasureRequest(db, {
          id: request.id,
          confirmedAt: now.toISOString(),
          dueAt,
        }))
      ) {
        throw new AppError('erasure_link_used', {
          message: 'This link has been used already: your request is confirmed.',
          details: { dueAt },
        });
      }
      const invitation = await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', request.invitation_id)
        .executeTakeFirstOrThrow();
      await deps.invitationEvents.recordInvitationEvent({
        invitationId: invitation.id,
        organisationId: invitation.organisation_id,
        type: 'erasure_confirmed',
        details: { dueAt },
      });
      await deps.audit.recordEvent({
        organisationId: invitation.organisation_id,
        actorUserId: null,
        action: 'candidate.erasure_requested',
        targetType: 'invitation',
        targetId: invitation.id,
        details: { dueAt },
      });
      const stoppedUnsubmitted = await withdraw(invitation, now.toISOString(), { tellTeam: false });
      await tellTeam(invitation, buildErasureRequestedTeamMail, { dueAt, stoppedUnsubmitted });
      const held = Boolean(await privacyRepo.findLegalHold(db, invitation.id));
      return { dueAt, held };
    },

    /** Consent withdrawn before submitting: the interview stops and what was uploaded is erased now. */
    async withdrawConsent(invitation: InvitationsTable): Promise<ConsentWithdrawn> {
      if (invitation.status === 'completed') {
        throw new AppError('invitation_completed', {
          message:
            'You have submitted your interview. To remove your answers, ask for your data to be erased.',
        });
      }
      const now = isoNow(clock);
      if (!(await withdraw(invitation, now))) {
        throw new AppError('consent_required', {
          message: 'You have not agreed to being recorded, so there is nothing to withdraw.',
        });
      }
      return { withdrawnAt: now };
    },
  };
}

export type YourDataService = ReturnType<typeof createYourDataService>;
