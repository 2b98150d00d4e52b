import {
  jobNames,
  type CandidatePrivacy,
  type ErasureResult,
  type InterviewRetention,
  type InterviewRetentionChoice,
  type PrivacySettings,
  type Role,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import { findErasableInvitation } from './erasure.repository.ts';
import type { ErasureService } from './erasure.service.ts';
import * as repo from './privacy.repository.ts';
import {
  findPrivacySettings,
  upsertInterviewRetentionChoice,
  upsertPrivacySettings,
} from './privacy-settings.repository.ts';
import { decideRetentionDays } from './retention-rules.ts';
import { countErasedCandidates } from './retention.repository.ts';
import { planOrganisation, toRetentionCandidate } from './retention.service.ts';

/** Who may change retention, hold candidates and erase them now. */
export const privacyManagerRoles: readonly Role[] = ['owner', 'admin'];
/** Who may see the retention plan and a candidate's privacy state. */
export const privacyReaderRoles: readonly Role[] = ['owner', 'admin', 'recruiter'];

export interface PrivacyActor {
  organisationId: string;
  userId: string;
  role: Role;
  client: ClientInfo;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The employer side of the data lifecycle: settings, the plan, legal holds and erasure now. */
export function createPrivacyService(deps: {
  db: Db;
  clock: Clock;
  queue: JobQueue;
  audit: AuditService;
  invitationEvents: InvitationEventsService;
  erasure: ErasureService;
}) {
  const { db, clock, audit } = deps;
  const record = (
    actor: PrivacyActor,
    action: string,
    target: { type: string; id: string },
    details?: Record<string, unknown>,
  ) =>
    audit.recordEvent({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: actor.client.ip,
      userAgent: actor.client.userAgent,
      ...(details ? { details } : {}),
    });

  async function getInvitation(actor: PrivacyActor, invitationId: string) {
    const invitation = await findErasableInvitation(db, {
      invitationId,
      organisationId: actor.organisationId,
    });
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  async function getInterview(actor: PrivacyActor, interviewId: string) {
    const interview = await repo.findInterviewOfOrganisation(db, {
      organisationId: actor.organisationId,
      interviewId,
    });
    if (!interview) throw notFound('Interview');
    return interview;
  }

  return {
    getPrivacySettings: (actor: Pick<PrivacyActor, 'organisationId'>): Promise<PrivacySettings> =>
      findPrivacySettings(db, actor.organisationId),

    /** Owners and admins; audited with the old and new values. */
    async updatePrivacySettings(actor: PrivacyActor, settings: PrivacySettings): Promise<PrivacySettings> {
      const previous = await findPrivacySettings(db, actor.organisationId);
      await upsertPrivacySettings(db, {
        organisationId: actor.organisationId,
        settings,
        userId: actor.userId,
        now: isoNow(clock),
      });
      await record(
        actor,
        'organisation.privacy_changed',
        { type: 'organisation', id: actor.organisationId },
        { previous, settings },
      );
      return settings;
    },

    /** The interview's choice and, candidate by candidate, what will be erased and when. */
    async getInterviewRetention(actor: PrivacyActor, interviewId: string): Promise<InterviewRetention> {
      await getInterview(actor, interviewId);
      const { plans, organisationDefault, choices } = await planOrganisation(db, {
        organisationId: actor.organisationId,
        interviewId,
        now: clock.now(),
      });
      const choice = choices.get(interviewId) ?? 'organisation';
      const candidates = plans.map(toRetentionCandidate);
      return {
        choice,
        organisationDefault,
        effectiveDays: decideRetentionDays(choice, organisationDefault),
        planned: candidates
          .filter((c) => c.eraseAt !== null || c.legalHold)
          .sort((a, b) => (a.eraseAt ?? '9').localeCompare(b.eraseAt ?? '9') || a.name.localeCompare(b.name)),
        openCount: candidates.filter((c) => c.closedAt === null).length,
        erasedCount: await countErasedCandidates(db, interviewId),
      };
    },

    async updateInterviewRetention(
      actor: PrivacyActor,
      interviewId: string,
      choice: InterviewRetentionChoice,
    ): Promise<void> {
      await getInterview(actor, interviewId);
      await upsertInterviewRetentionChoice(db, {
        organisationId: actor.organisationId,
        interviewId,
        choice,
        now: isoNow(clock),
      });
      await record(actor, 'interview.retention_changed', { type: 'interview', id: interviewId }, { choice });
    },

    async getCandidatePrivacy(actor: PrivacyActor, invitationId: string): Promise<CandidatePrivacy> {
      await getInvitation(actor, invitationId);
      const [hold, request, { plans }] = await Promise.all([
        repo.findLegalHold(db, invitationId),
        repo.findErasureRequest(db, invitationId),
        planOrganisation(db, { organisationId: actor.organisationId, invitationId, now: clock.now() }),
      ]);
      const plan = plans[0];
      return {
        legalHold: hold ? { reason: hold.reason, placedAt: hold.placed_at, placedBy: hold.placed_by } : null,
        erasureRequest: request
          ? { requestedAt: request.requested_at, confirmedAt: request.confirmed_at, dueAt: request.due_at }
          : null,
        closedAt: plan?.closedAt ?? null,
        retentionEraseAt: plan?.retentionEraseAt ?? null,
        canManage: privacyManagerRoles.includes(actor.role),
      };
    },

    /** Stops every erasure of the candidate but an owner's or admin's own; audited and on their timeline. */
    async placeLegalHold(actor: PrivacyActor, invitationId: string, reason: string | null): Promise<void> {
      const invitation = await getInvitation(actor, invitationId);
      await repo.upsertLegalHold(db, {
        invitationId,
        organisationId: actor.organisationId,
        reason,
        userId: actor.userId,
        now: isoNow(clock),
      });
      await record(actor, 'candidate.legal_hold_placed', { type: 'invitation', id: invitationId });
      await deps.invitationEvents.recordInvitationEvent({
        invitationId,
        organisationId: invitation.organisation_id,
        type: 'legal_hold_placed',
        actorUserId: actor.userId,
      });
    },

    async liftLegalHold(actor: PrivacyActor, invitationId: string): Promise<void> {
      const invitation = await getInvitation(actor, invitationId);
      if (!(await repo.deleteLegalHold(db, invitationId))) return;
      await record(actor, 'candidate.legal_hold_lifted', { type: 'invitation', id: invitationId });
      await deps.invitationEvents.recordInvitationEvent({
        invitationId,
        organisationId: invitation.organisation_id,
        type: 'legal_hold_lifted',
        actorUserId: actor.userId,
      });
    },

    /** Erases one candidate now, files included; the confirmation must be their e-mail address. */
    async eraseCandidateNow(
      actor: PrivacyActor,
      invitationId: string,
      confirmation: string,
    ): Promise<ErasureResult> {
      const invitation = await getInvitation(actor, invitationId);
      if (!sameText(confirmation, invitation.candidate_email)) {
        throw validationFailed([
          { field: 'confirmation', message: "Type the candidate's e-mail address exactly" },
        ]);
      }
      if (await repo.findLegalHold(db, invitationId)) {
        throw new AppError('legal_hold_active', {
          message: 'This candidate is under a legal hold. Lift the hold before erasing them.',
        });
      }
      await deps.erasure.eraseCandidate({
        invitation,
        reason: 'employer',
        actorUserId: actor.userId,
        client: actor.client,
      });
      return { erased: 1, held: 0 };
    },

    /**
     * Erases every candidate of the interview not under a legal hold; the confirmation must be the interview's
     * title. Their rows go now (nothing is shown or shared any more); their files go in one job per candidate.
     */
    async eraseInterviewCandidates(
      actor: PrivacyActor,
      interviewId: string,
      confirmation: string,
    ): Promise<ErasureResult> {
      const interview = await getInterview(actor, interviewId);
      if (!sameText(confirmation, interview.title)) {
        throw validationFailed([{ field: 'confirmation', message: "Type the interview's title exactly" }]);
      }
      let erased = 0;
      let held = 0;
      for (const { id } of await repo.listInterviewInvitationIds(db, interviewId)) {
        if (await repo.findLegalHold(db, id)) {
          held += 1;
          continue;
        }
        const invitation = await findErasableInvitation(db, { invitationId: id });
        if (!invitation) continue;
        const erasureId = await deps.erasure.eraseRows({
          invitation,
          reason: 'employer',
          actorUserId: actor.userId,
        });
        await deps.queue.enqueue(
          jobNames.candidateErase,
          { erasureId },
          { dedupeKey: `erasure/${erasureId}/files` },
        );
        erased += 1;
      }
      await record(
        actor,
        'interview.candidates_erased',
        { type: 'interview', id: interviewId },
        { erased, held },
      );
      return { erased, held };
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
