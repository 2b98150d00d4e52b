import type { CreateShareLinkData, CreatedShareLink, ShareLink } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findInterviewRow } from '../reviews/review-access.repository.ts';
import type { MemberViewer } from '../reviews/review-viewer.ts';
import {
  findInvitationsOfOrganisation,
  findShareLink,
  insertShareLink,
  listShareLinkInvitationIds,
  listShareLinks,
  revokeShareLink,
  type ShareLinkRow,
} from './share-links.repository.ts';

export interface ShareLinksDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
}

const dayMs = 86_400_000;

function toShareLink(row: ShareLinkRow, invitationIds: string[], now: Date): ShareLink {
  const status =
    row.revoked_at !== null ? 'revoked' : Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'active';
  return {
    id: row.id,
    interviewId: row.interview_id,
    invitationIds,
    status,
    expiresAt: row.expires_at,
    anonymised: row.anonymised === 1,
    allowRatings: row.allow_ratings === 1,
    createdAt: row.created_at,
    createdBy: { userId: row.created_by_user_id, name: row.created_by_name ?? 'A former member' },
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    useCount: row.use_count,
  };
}

/** Share links for guests: made, listed and revoked by owners, admins and recruiters. */
export function createShareLinkFunctions({ db, config, clock, audit }: ShareLinksDeps) {
  const record = (viewer: MemberViewer, action: string, id: string, details: Record<string, unknown>) =>
    audit.recordEvent({
      organisationId: viewer.organisationId,
      actorUserId: viewer.userId,
      action,
      targetType: 'share_link',
      targetId: id,
      details,
    });

  return {
    /**
     * A link to one candidate or a shortlist of one interview, all completed; its token (256 bits) is returned
     * once in `url` and stored only as its SHA-256. Audited.
     */
    async createShareLink(viewer: MemberViewer, input: CreateShareLinkData): Promise<CreatedShareLink> {
      const invitationIds = [...new Set(input.invitationIds)];
      const found = await findInvitationsOfOrganisation(db, {
        organisationId: viewer.organisationId,
        invitationIds,
      });
      if (found.length !== invitationIds.length) throw notFound('Invitation');
      const interviewIds = new Set(found.map((i) => i.interview_id));
      const [interviewId] = interviewIds;
      if (interviewIds.size !== 1 || !interviewId) {
        throw validationFailed([
          { field: 'invitationIds', message: 'Share candidates of one interview at a time' },
        ]);
      }
      const pending = found.filter((i) => i.status !== 'completed').map((i) => i.id);
      if (pending.length > 0) {
        throw new AppError('invitation_not_completed', {
          message: `Only candidates who completed the interview can be shared; ${pending.length} of these have not.`,
          details: { invitationIds: pending },
        });
      }
      const token = createToken();
      const row = {
        id: newId(),
        organisation_id: viewer.organisationId,
        interview_id: interviewId,
        token_hash: hashToken(token),
        anonymised: input.anonymised ? 1 : 0,
        allow_ratings: input.allowRatings ? 1 : 0,
        created_by_user_id: viewer.userId,
        created_at: isoNow(clock),
        expires_at: isoIn(clock, input.expiresInDays * dayMs),
        revoked_at: null,
        revoked_by_user_id: null,
        last_used_at: null,
        use_count: 0,
      };
      await insertShareLink(db, { row, invitationIds });
      await record(viewer, 'share_link.created', row.id, {
        interviewId,
        invitationIds,
        expiresAt: row.expires_at,
        anonymised: input.anonymised,
        allowRatings: input.allowRatings,
      });
      const stored = await findShareLink(db, { organisationId: viewer.organisationId, shareLinkId: row.id });
      if (!stored) throw notFound('Share link');
      return { ...toShareLink(stored, invitationIds, clock.now()), url: `${config.publicUrl}/s/${token}` };
    },

    /** The interview's share links, newest first, with their state; tokens are never shown again. */
    async listShareLinks(viewer: MemberViewer, options: { interviewId: string }): Promise<ShareLink[]> {
      const interview = await findInterviewRow(db, {
        organisationId: viewer.organisationId,
        interviewId: options.interviewId,
      });
      if (!interview) throw notFound('Interview');
      const rows = await listShareLinks(db, {
        organisationId: viewer.organisationId,
        interviewId: interview.id,
      });
      const ids = await listShareLinkInvitationIds(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toShareLink(r, ids.get(r.id) ?? [], clock.now()));
    },

    /** Ends a link at once: its guests' next request, and their media addresses, are refused. Audited. */
    async revokeShareLink(viewer: MemberViewer, options: { shareLinkId: string }): Promise<void> {
      const link = await findShareLink(db, { organisationId: viewer.organisationId, ...options });
      if (!link) throw notFound('Share link');
      if (await revokeShareLink(db, { ...options, userId: viewer.userId, now: isoNow(clock) })) {
        await record(viewer, 'share_link.revoked', link.id, { interviewId: link.interview_id });
      }
    },
  };
}
