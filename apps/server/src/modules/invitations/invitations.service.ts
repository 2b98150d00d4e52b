import { validationFailed } from '../../errors.ts';
import type {
  CreateInvitationData,
  Invitation,
  InvitationDetail,
  InvitationStatus,
  ListInvitationsQuery,
} from '@oneway/shared';
import { isoNow } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { isUniqueViolation } from '../accounts/unique-violation.ts';
import { checkDeadline, resolveDefaultDeadline } from './deadlines.ts';
import { createCandidateLinkFunctions } from './candidate-link.service.ts';
import { createEmailPreviewFunctions } from './email-template-preview.ts';
import { createEmailTemplateFunctions } from './email-templates.service.ts';
import { createOrganisationEmailTemplateFunctions } from './organisation-email-templates.service.ts';
import {
  announceInvitations,
  assertInterviewHasQuestions,
  buildInvitationRow,
  getInvitationOrThrow,
  invitationExists,
} from './invitation-access.ts';
import { createInvitationActionFunctions } from './invitation-actions.service.ts';
import { buildInvitationsCsv } from './invitation-export.ts';
import { createInvitationImportFunctions } from './invitation-import.service.ts';
import { createInvitationLifecycleFunctions } from './invitation-lifecycle.service.ts';
import { listInvitationRequestRows } from './invitation-mail.repository.ts';
import { createInvitationMail } from './invitation-mail.ts';
import { toInvitation, toRequestSummary } from './invitation-rows.ts';
import { createOutcomeMailFunctions } from './outcome-mail.ts';
import { describeAnsweredQuestions } from './timeline-questions.ts';
import { assertInterviewActive } from './invitation-state.ts';
import type {
  InterviewRef,
  InvitationRef,
  InvitationsContext,
  InvitationsDeps,
} from './invitations.context.ts';
import { findInvitedEmails, insertInvitations, listInvitations } from './invitations.repository.ts';

function createInvitationFunctions(ctx: InvitationsContext) {
  const { db, clock, interviews, invitationEvents } = ctx;

  return {
    /**
     * Invites one candidate: stores the invitation on the interview's current version, e-mails the link and
     * schedules reminders and expiry. Refuses a second open invitation for the same e-mail address.
     */
    async createInvitation(
      options: InterviewRef & { userId: string; input: CreateInvitationData },
    ): Promise<Invitation> {
      const { input } = options;
      const interview = await interviews.getInterview(options);
      assertInterviewActive(interview);
      assertInterviewHasQuestions(interview);
      const now = clock.now();
      const deadline = input.deadline
        ? new Date(input.deadline).toISOString()
        : resolveDefaultDeadline(interview.deadlinePolicy, now);
      const problem = deadline
        ? checkDeadline(deadline, now)
        : "The interview's fixed deadline has passed; give this invitation a deadline";
      if (problem || !deadline) throw validationFailed([{ field: 'deadline', message: problem ?? '' }]);
      const taken = await findInvitedEmails(db, { interviewId: interview.id, emails: [input.email] });
      if (taken.size > 0) throw invitationExists(input.email);

      const version = await interviews.getOrCreateCurrentVersion(options);
      const token = createToken();
      const row = buildInvitationRow({
        organisationId: options.organisationId,
        interviewId: interview.id,
        versionId: version.id,
        userId: options.userId,
        tokenHash: hashToken(token),
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        externalId: input.externalId ?? null,
        deadline,
        accommodations: input.accommodations,
        now: isoNow(clock),
      });
      try {
        await insertInvitations(db, [row]);
      } catch (err) {
        // Another request invited the same address a moment earlier.
        if (isUniqueViolation(err)) throw invitationExists(input.email);
        throw err;
      }
      const scope = await ctx.mailer.loadMailScope(options, interview);
      await announceInvitations(ctx, scope, [{ row, token }], { actorUserId: options.userId });
      return toInvitation(row);
    },

    /** The interview's invitations, filtered by status and a search of names and e-mail addresses. */
    async listInterviewInvitations(options: InterviewRef & ListInvitationsQuery): Promise<Invitation[]> {
      const interview = await interviews.getInterview(options);
      const rows = await listInvitations(db, { ...options, interviewId: interview.id });
      return rows.map((row) => toInvitation(row, row.pending_request_count));
    },

    /** One invitation with its timeline and the candidate's requests. */
    async getInvitationDetail(ref: InvitationRef): Promise<InvitationDetail> {
      const row = await getInvitationOrThrow(ctx, ref);
      const [timeline, requests, version] = await Promise.all([
        invitationEvents.listInvitationEvents(ref),
        listInvitationRequestRows(db, ref),
        interviews.getVersion({ versionId: row.interview_version_id }),
      ]);
      const pending = requests.filter((r) => r.status === 'pending').length;
      return {
        ...toInvitation(row, pending),
        timeline: describeAnsweredQuestions(timeline, version.snapshot),
        requests: requests.map(toRequestSummary),
      };
    },

    /** The interview's invitations as CSV text, with a file name for the download. */
    async exportInterviewInvitations(
      options: InterviewRef & { status?: InvitationStatus; q?: string },
    ): Promise<{ fileName: string; csv: string }> {
      const interview = await interviews.getInterview(options);
      const rows = await listInvitations(db, { ...options, interviewId: interview.id, sort: 'invited' });
      const slug =
        interview.title
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60) || 'interview';
      const date = isoNow(clock).slice(0, 10);
      return {
        fileName: `invitations-${slug}-${date}.csv`,
        csv: buildInvitationsCsv(rows.map((r) => toInvitation(r))),
      };
    },
  };
}

/** Invitations to interviews: inviting, importing, deadlines, reminders, e-mails and their templates. */
export function createInvitationsService(deps: InvitationsDeps) {
  const ctx: InvitationsContext = { ...deps, mailer: createInvitationMail(deps) };
  return {
    ...createInvitationFunctions(ctx),
    ...createInvitationImportFunctions(ctx),
    ...createInvitationActionFunctions(ctx),
    ...createInvitationLifecycleFunctions(ctx),
    ...createEmailTemplateFunctions(deps),
    ...createEmailPreviewFunctions(ctx),
    ...createOrganisationEmailTemplateFunctions(ctx),
    ...createCandidateLinkFunctions(ctx),
    ...createOutcomeMailFunctions(ctx),
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
