import type {
  CandidateReview,
  GuestView,
  MyRatings,
  Playback,
  PutGuestOverallRatingInput,
  PutGuestQuestionRatingInput,
  PutGuestRatingsInput,
} from '@oneway/shared';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import { recordReviewEvent } from '../reviews/review-audit.ts';
import type { PlaybackService } from '../playback/playback.service.ts';
import type { GuestViewer } from '../reviews/review-viewer.ts';
import type { ReviewsService } from '../reviews/reviews.service.ts';
import {
  deleteEndedGuestSessions,
  deleteGuestSession,
  findGuestSession,
  findShareLinkByTokenHash,
  insertGuestSession,
  listShareLinkInvitationIds,
  recordShareLinkUse,
  setGuestName,
} from './share-links.repository.ts';
import type { ShareLinksDeps } from './share-links.service.ts';

/** A guest session lasts a working day at most, and never past its link. */
const guestSessionMs = 12 * 3_600_000;

const linkRevoked = () =>
  new AppError('share_link_revoked', {
    message: 'This share link has been revoked. Ask the person who shared it for a new one.',
  });
const linkExpired = () =>
  new AppError('share_link_expired', {
    message: 'This share link has expired. Ask the person who shared it for a new one.',
  });
const sessionInvalid = () =>
  new AppError('guest_session_invalid', { message: 'Open the share link again to continue.' });

/** What a share link's guest may do: open it, see its candidates, play answers and (if allowed) rate. */
export function createGuestFunctions(
  deps: ShareLinksDeps & {
    reviews: Pick<
      ReviewsService,
      'listSharedCandidates' | 'getCandidateReview' | 'putRatings' | 'setQuestionRating' | 'setOverallRating'
    >;
    playback: Pick<PlaybackService, 'issuePlayback'>;
  },
) {
  const { db, clock, audit } = deps;

  async function buildView(viewer: GuestViewer, linkExpiresAt: string): Promise<GuestView> {
    const { interview, candidates, anonymised } = await deps.reviews.listSharedCandidates(viewer);
    return {
      interview: { title: interview.title, roleTitle: interview.role_title },
      expiresAt: linkExpiresAt,
      anonymised,
      allowRatings: viewer.allowRatings,
      guestName: viewer.guestName,
      candidates: candidates.map((c) => ({
        invitationId: c.invitationId,
        candidateNumber: c.candidateNumber,
        name: c.name,
        status: c.status,
        completedAt: c.completedAt,
        myScore: c.myScore,
      })),
    };
  }

  /** The guest behind a cookie, while their session and its link last (401, or 410 revoked / expired). */
  async function resolveGuest(
    cookieValue: string | undefined,
  ): Promise<{ viewer: GuestViewer; linkExpiresAt: string }> {
    if (!cookieValue) throw sessionInvalid();
    const row = await findGuestSession(db, hashToken(cookieValue));
    const now = clock.now().getTime();
    if (!row) throw sessionInvalid();
    if (row.revoked_at !== null) throw linkRevoked();
    if (Date.parse(row.link_expires_at) <= now) throw linkExpired();
    if (Date.parse(row.expires_at) <= now) throw sessionInvalid();
    const invitationIds =
      (await listShareLinkInvitationIds(db, [row.share_link_id])).get(row.share_link_id) ?? [];
    return {
      viewer: {
        kind: 'guest',
        organisationId: row.organisation_id,
        shareLinkId: row.share_link_id,
        guestSessionId: row.id,
        guestName: row.guest_name,
        interviewId: row.interview_id,
        invitationIds,
        anonymised: row.anonymised === 1,
        allowRatings: row.allow_ratings === 1,
      },
      linkExpiresAt: row.link_expires_at,
    };
  }

  return {
    resolveGuest,

    /** Guest sessions end with their day or their link; this only keeps the table from growing. */
    purgeEndedGuestSessions: (): Promise<number> => deleteEndedGuestSessions(db, { now: isoNow(clock) }),

    /**
     * Opens a share link: a guest session (its cookie value returned once, stored hashed) and the guest's first
     * view. 404 for an unknown token, 410 once revoked or expired. Audited.
     */
    async startGuestSession(options: {
      token: string;
      client: ClientInfo;
    }): Promise<{ value: string; expiresAt: string; view: GuestView }> {
      const link = await findShareLinkByTokenHash(db, hashToken(options.token));
      if (!link) {
        throw new AppError('share_link_invalid', {
          message: 'This share link is not valid. Check that you copied all of it.',
        });
      }
      if (link.revoked_at !== null) throw linkRevoked();
      if (Date.parse(link.expires_at) <= clock.now().getTime()) throw linkExpired();
      const value = createToken();
      const fullDay = isoIn(clock, guestSessionMs);
      const expiresAt = fullDay < link.expires_at ? fullDay : link.expires_at;
      const now = isoNow(clock);
      await insertGuestSession(db, {
        id: newId(),
        token_hash: hashToken(value),
        share_link_id: link.id,
        organisation_id: link.organisation_id,
        guest_name: null,
        created_at: now,
        expires_at: expiresAt,
      });
      await recordShareLinkUse(db, { shareLinkId: link.id, now });
      await audit.recordEvent({
        organisationId: link.organisation_id,
        actorUserId: null,
        action: 'share_link.opened',
        targetType: 'share_link',
        targetId: link.id,
        ip: options.client.ip,
        userAgent: options.client.userAgent,
      });
      const { viewer } = await resolveGuest(value);
      return { value, expiresAt, view: await buildView(viewer, link.expires_at) };
    },

    /** The guest's view again (after a reload). Audited, as every use of a link is. */
    async getGuestView(cookieValue: string | undefined, options: { client: ClientInfo }): Promise<GuestView> {
      const { viewer, linkExpiresAt } = await resolveGuest(cookieValue);
      await recordReviewEvent(audit, viewer, {
        action: 'share_link.viewed',
        targetType: 'share_link',
        targetId: viewer.shareLinkId,
        client: options.client,
      });
      return buildView(viewer, linkExpiresAt);
    },

    async getGuestCandidateReview(
      cookieValue: string | undefined,
      options: { invitationId: string; client: ClientInfo },
    ): Promise<CandidateReview> {
      const { viewer } = await resolveGuest(cookieValue);
      return deps.reviews.getCandidateReview(viewer, { ...options, order: { sort: 'completed' } });
    },

    async issueGuestPlayback(
      cookieValue: string | undefined,
      options: { takeId: string; client: ClientInfo },
    ): Promise<Playback> {
      const { viewer, linkExpiresAt } = await resolveGuest(cookieValue);
      return deps.playback.issuePlayback(viewer, { ...options, linkExpiresAt });
    },

    /** Ratings under the name the guest gives, when the link allows them (403 otherwise). */
    async putGuestRatings(
      cookieValue: string | undefined,
      options: { invitationId: string; input: PutGuestRatingsInput; client: ClientInfo },
    ): Promise<MyRatings> {
      const { viewer } = await resolveGuest(cookieValue);
      const { guestName, ...input } = options.input;
      if (viewer.allowRatings && guestName !== viewer.guestName) {
        await setGuestName(db, { guestSessionId: viewer.guestSessionId, name: guestName });
      }
      return deps.reviews.putRatings(
        { ...viewer, guestName },
        { invitationId: options.invitationId, input, client: options.client },
      );
    },

    /** One score saved as the guest picks it, under the name they give (only when the link allows ratings). */
    async putGuestScore(
      cookieValue: string | undefined,
      options: {
        invitationId: string;
        questionId: string | null;
        input: PutGuestQuestionRatingInput | PutGuestOverallRatingInput;
        client: ClientInfo;
      },
    ): Promise<MyRatings> {
      const { viewer } = await resolveGuest(cookieValue);
      const { guestName } = options.input;
      if (viewer.allowRatings && guestName !== viewer.guestName) {
        await setGuestName(db, { guestSessionId: viewer.guestSessionId, name: guestName });
      }
      const named = { ...viewer, guestName };
      const { invitationId, client } = options;
      if ('overall' in options.input) {
        return deps.reviews.setOverallRating(named, { invitationId, client, input: options.input });
      }
      return deps.reviews.setQuestionRating(named, {
        invitationId,
        client,
        questionId: options.questionId ?? '',
        input: options.input,
      });
    },

    async endGuestSession(cookieValue: string | undefined): Promise<void> {
      if (cookieValue) await deleteGuestSession(db, hashToken(cookieValue));
    },
  };
}
