import type {
  CandidateLanding,
  CandidateRequest,
  CandidateRequestInput,
  InterviewSnapshot,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { listLiveTakesElsewhere } from '../../db/shared-queries.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { touchIntervalMs, type ClientInfo } from '../accounts/sessions.service.ts';
import type { InvitationLifecycle } from '../invitation-requests/invitation-lifecycle.ts';
import type { InvitationRequestsService } from '../invitation-requests/invitation-requests.service.ts';
import { findEffectiveRetentionDays } from '../privacy/privacy-settings.repository.ts';
import { buildCandidateLanding } from './candidate-landing.ts';
import * as repo from './candidate.repository.ts';
import { assertOrganisationActive } from '../instance/organisation-suspension.ts';

const dayMs = 86_400_000;

/** Who a candidate request comes from: one invitation, through one session. */
export interface CandidateContext {
  sessionId: string;
  invitation: InvitationsTable;
  /** Set when the session now lasts longer (the deadline moved), so the cookie is sent again. */
  renewedExpiresAt: string | null;
}

const notFoundMessage =
  'We could not find an interview for this link. Check that you used the whole link from your e-mail, ' +
  'or ask the employer to send it again.';

const withdrawn = () =>
  new AppError('invitation_withdrawn', { message: 'This invitation has been withdrawn by the employer.' });

/**
 * A session lasts until a day after the deadline, so a candidate can still ask for more time just after it; a
 * link opened later than that (to ask for more time) still gets a day.
 */
function sessionExpiry(invitation: InvitationsTable, now: Date): string {
  const afterDeadline = Date.parse(invitation.deadline_at) + dayMs;
  return new Date(Math.max(afterDeadline, now.getTime() + dayMs)).toISOString();
}

export function createCandidateService(deps: {
  db: Db;
  clock: Clock;
  invitations: InvitationLifecycle;
  invitationRequests: InvitationRequestsService;
}) {
  const { db, clock } = deps;

  /** The take another session of the invitation is recording now, for the session `sessionId`'s landing. */
  async function findRecordingElsewhere(
    invitation: InvitationsTable,
    snapshot: string,
    sessionId: string,
  ): Promise<CandidateLanding['recordingElsewhere']> {
    const [live] = await listLiveTakesElsewhere(db, {
      invitationId: invitation.id,
      sessionId,
      now: clock.now(),
    });
    if (!live) return null;
    const { questions } = JSON.parse(snapshot) as InterviewSnapshot;
    return {
      questionId: live.question_id,
      position: questions.findIndex((q) => q.id === live.question_id) + 1,
    };
  }

  /**
   * What the landing page shows. With the asking session's id, it says whether another device of the candidate is
   * recording right now (recordingElsewhere); without one, it never does.
   */
  async function getLanding(invitation: InvitationsTable, sessionId?: string): Promise<CandidateLanding> {
    // A suspended organisation's links say so; uploads of takes already open still finish (nothing recorded is lost).
    await assertOrganisationActive(db, invitation.organisation_id, 'candidate');
    const context = await repo.findLandingContext(db, invitation);
    if (!context) throw new AppError('invitation_not_found', { message: notFoundMessage });
    const pendingRequests = await deps.invitationRequests.listPendingRequestsOfInvitation(invitation.id);
    return buildCandidateLanding({
      invitation,
      context,
      pendingRequests,
      expired: await deps.invitations.isInvitationPastGrace(invitation),
      retentionDays: await findEffectiveRetentionDays(db, invitation),
      recordingElsewhere:
        sessionId === undefined
          ? null
          : await findRecordingElsewhere(invitation, context.snapshot, sessionId),
    });
  }

  /** A new session for the invitation (withdrawn ones refused) and its first opening recorded. */
  async function startSessionFor(
    found: InvitationsTable,
    options: { client: ClientInfo; previousValue: string | undefined },
  ): Promise<{ value: string; expiresAt: string; landing: CandidateLanding }> {
    if (found.status === 'withdrawn') throw withdrawn();
    await assertOrganisationActive(db, found.organisation_id, 'candidate');
    // A new session id on every sign-in; the one this browser held before ends.
    if (options.previousValue) await repo.deleteCandidateSession(db, hashToken(options.previousValue));
    const now = clock.now();
    const value = createToken();
    const sessionId = hashToken(value);
    const expiresAt = sessionExpiry(found, now);
    await repo.insertCandidateSession(db, {
      id: sessionId,
      invitation_id: found.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: options.client.ip,
      user_agent: options.client.userAgent?.slice(0, 500) ?? null,
    });
    const invitation = await deps.invitations.markInvitationOpened({ invitationId: found.id });
    return { value, expiresAt, landing: await getLanding(invitation, sessionId) };
  }

  return {
    /** Deletes candidate sessions that have ended (the hourly sessions.purge job calls it). */
    purgeExpiredCandidateSessions(): Promise<number> {
      return repo.deleteExpiredCandidateSessions(db, { now: isoNow(clock) });
    },

    /**
     * Exchanges the link's token for a session of its own (the token is not kept in the browser) and records the
     * first opening. Unknown and withdrawn links are refused; a link past its deadline still opens, so the
     * candidate can ask for more time.
     */
    async startCandidateSession(options: {
      token: string;
      client: ClientInfo;
      previousValue: string | undefined;
    }): Promise<{ value: string; expiresAt: string; landing: CandidateLanding }> {
      const found = await deps.invitations.findInvitationByToken(options.token);
      if (!found) throw new AppError('invitation_not_found', { message: notFoundMessage });
      return startSessionFor(found, options);
    },

    /** A session for an invitation proven some other way than its link (a continue code). */
    startCandidateSessionFor: startSessionFor,

    /** The invitation behind a session cookie; refused when the session is unknown, ended or withdrawn. */
    async resolveCandidateSession(value: string | undefined): Promise<CandidateContext> {
      const invalid = new AppError('candidate_session_invalid', {
        message: 'Open the link from your invitation e-mail again to continue.',
      });
      if (!value) throw invalid;
      const session = await repo.findCandidateSession(db, hashToken(value));
      if (!session) throw invalid;
      const invitation = await repo.findInvitationById(db, session.invitation_id);
      const now = clock.now();
      if (!invitation) throw invalid;
      // An extended deadline extends the session too.
      const expiresAt = new Date(
        Math.max(Date.parse(session.expires_at), Date.parse(invitation.deadline_at) + dayMs),
      ).toISOString();
      if (Date.parse(expiresAt) <= now.getTime()) throw invalid;
      if (invitation.status === 'withdrawn') throw withdrawn();
      const renewed = expiresAt !== new Date(session.expires_at).toISOString();
      // Recording sends a chunk a second through here: touch the session at most once a minute, as members' are.
      const idleMs = now.getTime() - Date.parse(session.last_seen_at);
      if (renewed || idleMs >= touchIntervalMs) {
        await repo.updateCandidateSession(db, session.id, {
          last_seen_at: isoNow(clock),
          ...(renewed ? { expires_at: expiresAt } : {}),
        });
      }
      return { sessionId: session.id, invitation, renewedExpiresAt: renewed ? expiresAt : null };
    },

    getLanding,

    /** Remembers the candidate's IANA time zone, so e-mails can show times the way their browser does. */
    async setCandidateTimeZone(options: { invitation: InvitationsTable; timeZone: string }): Promise<void> {
      await repo.updateCandidateTimeZone(db, options.invitation.id, options.timeZone);
    },

    /** A request for more time or an accommodation from the candidate (see submitCandidateRequest). */
    submitRequest(options: {
      invitation: InvitationsTable;
      input: CandidateRequestInput;
    }): Promise<CandidateRequest> {
      return deps.invitationRequests.submitCandidateRequest(options);
    },
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
