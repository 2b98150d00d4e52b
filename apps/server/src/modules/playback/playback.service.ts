import type { CandidateTakePlayback, Playback, PromptVideoPlayback } from '@oneway/shared';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { recordReviewEvent } from '../reviews/review-audit.ts';
import type { ReviewViewer } from '../reviews/review-viewer.ts';
import type { ReviewsService } from '../reviews/reviews.service.ts';
import { getOrCreateInstallSecret } from './install-secret.repository.ts';
import { signMediaToken, verifyMediaToken, type MediaClaims } from './media-token.ts';
import {
  findAnsweredTake,
  findSavedTake,
  findShareLinkState,
  type TakeWithMedia,
} from './playback.repository.ts';
import { OpenFiles } from '../../lib/open-files.ts';
import { openLocalMedia, type OpenedMedia } from './local-media-read.ts';
import { RecentMediaTargets } from './recent-media-targets.ts';
import {
  findPromptVideoFile,
  isPromptVideoKind,
  promptVideoPlaybackLifetimeMs,
  type PlayablePromptVideo,
  type PromptVideoMediaKind,
} from './prompt-video-media.ts';

/** The path of a signed media address; the route below serves it. */
export const mediaPathOf = (token: string): string => `/api/v1/media/${token}`;

/**
 * S3 seam: a storage whose bytes a browser can fetch directly (S3) answers with a short-lived presigned URL, and
 * the media route redirects there so the bytes never pass through Node. Local storage has none (null).
 */
export interface PlaybackRedirects {
  presignedUrlOf(options: { key: string; mime: string; expiresAt: Date }): Promise<string | null>;
}

/** One file a valid media address names. */
export interface MediaTarget {
  key: string;
  mime: string;
  expiresAt: Date;
}

function mediaNotReady(take: Pick<TakeWithMedia, 'media_status'>): AppError {
  const failed = take.media_status === 'failed';
  return new AppError('media_not_ready', {
    message: failed
      ? 'This recording could not be processed. An admin can retry it; the original is kept.'
      : 'This recording is still being processed. Try again in a minute.',
    details: { status: take.media_status ?? 'missing' },
  });
}

/** The processed video of a take, once processing made it; media_not_ready before that or after it failed. */
function playableVideoOf(take: TakeWithMedia): { key: string; mime: string } {
  if (take.media_status !== 'ready' || !take.playback_key || !take.playback_mime) throw mediaNotReady(take);
  return { key: take.playback_key, mime: take.playback_mime };
}

/** Playback of processed answers through short-lived signed addresses, issued after the viewer's rights are checked. */
export function createPlaybackService(deps: {
  db: Db;
  /** mediaUrlLifetimeMs: how long an answer's address works (MEDIA_URL_LIFETIME_SECONDS). */
  config: Pick<Config, 'mediaUrlLifetimeMs'>;
  clock: Clock;
  audit: AuditService;
  mediaStorage: MediaStorage;
  reviews: Pick<ReviewsService, 'getReviewableInvitation'>;
  redirects?: PlaybackRedirects;
}) {
  const { db, clock } = deps;
  const recentTargets = new RecentMediaTargets();
  const localFiles = new OpenFiles({ flags: 'r', idleMs: 10_000 });
  let secret: Promise<Buffer> | null = null;
  const signingKey = (): Promise<Buffer> => {
    secret ??= getOrCreateInstallSecret(db, { name: 'media-signing', now: isoNow(clock) }).catch((err) => {
      secret = null;
      throw err;
    });
    return secret;
  };

  async function assertShareLinkOpen(shareLinkId: string): Promise<void> {
    const link = await findShareLinkState(db, shareLinkId);
    if (!link || link.revoked_at !== null) {
      throw new AppError('share_link_revoked', { message: 'This share link has been revoked.' });
    }
    if (Date.parse(link.expires_at) <= clock.now().getTime()) {
      throw new AppError('share_link_expired', { message: 'This share link has expired.' });
    }
  }

  /** The file named by the claims of a valid address: a ready answer's video or poster, or a prompt video's file. */
  async function targetOf(claims: MediaClaims): Promise<MediaTarget> {
    const expiresAt = new Date(claims.expiresAt * 1000);
    if (isPromptVideoKind(claims.kind)) {
      return { ...(await findPromptVideoFile(db, { ...claims, kind: claims.kind })), expiresAt };
    }
    if (claims.kind === 'candidate-take') {
      const take = await findSavedTake(db, { organisationId: claims.organisationId, takeId: claims.mediaId });
      if (!take) throw notFound('Recording');
      return { ...playableVideoOf(take), expiresAt };
    }
    if (claims.shareLinkId) await assertShareLinkOpen(claims.shareLinkId);
    const take = await findAnsweredTake(db, {
      organisationId: claims.organisationId,
      takeId: claims.mediaId,
    });
    if (!take) throw notFound('Recording');
    const isVideo = claims.kind === 'video';
    const key = isVideo ? take.playback_key : take.poster_key;
    const mime = isVideo ? take.playback_mime : take.poster_mime;
    if (take.media_status !== 'ready' || !key || !mime) throw mediaNotReady(take);
    return { key, mime, expiresAt };
  }

  return {
    /**
     * A signed address of the processed answer (and its poster) for a viewer who may review the candidate: the
     * organisation, the role, the reviewer's assignment or the guest's share link are checked first. Only a
     * question's chosen answer of a completed candidate plays. Every issue is audited.
     */
    async issuePlayback(
      viewer: ReviewViewer,
      options: { takeId: string; client: ClientInfo; linkExpiresAt?: string },
    ): Promise<Playback> {
      const take = await findAnsweredTake(db, {
        organisationId: viewer.organisationId,
        takeId: options.takeId,
      });
      if (!take) throw notFound('Recording');
      const { invitation } = await deps.reviews.getReviewableInvitation(viewer, take.invitation_id);
      if (invitation.status !== 'completed') {
        throw new AppError('invitation_not_completed', {
          message: 'This candidate has not submitted the interview yet; answers play once they have.',
        });
      }
      const video = playableVideoOf(take);
      const now = clock.now().getTime();
      const limit = options.linkExpiresAt ? Date.parse(options.linkExpiresAt) : Infinity;
      const expiresAt = Math.floor(Math.min(now + deps.config.mediaUrlLifetimeMs, limit) / 1000);
      const base = {
        mediaId: take.take_id,
        organisationId: take.organisation_id,
        shareLinkId: viewer.kind === 'guest' ? viewer.shareLinkId : null,
        expiresAt,
      };
      const key = await signingKey();
      const url = mediaPathOf(signMediaToken(key, { ...base, kind: 'video' }));
      const posterUrl = take.poster_key
        ? mediaPathOf(signMediaToken(key, { ...base, kind: 'poster' }))
        : null;
      await recordReviewEvent(deps.audit, viewer, {
        action: 'media.playback_issued',
        targetType: 'take',
        targetId: take.take_id,
        client: options.client,
        details: { invitationId: take.invitation_id, interviewId: invitation.interview_id },
      });
      return {
        url,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        mime: video.mime,
        posterUrl,
        durationSeconds: take.duration_ms === null ? null : take.duration_ms / 1000,
      };
    },

    /**
     * A signed address of one of a candidate's own saved takes, their answer or not, so they can watch it before
     * choosing; valid as long as a member's. The caller has checked that the take is this candidate's. 404 for a
     * take that is not saved or is practice; 409 media_not_ready until processing has made it playable.
     */
    async signCandidateTakePlayback(options: {
      organisationId: string;
      takeId: string;
    }): Promise<CandidateTakePlayback> {
      const take = await findSavedTake(db, options);
      if (!take) throw notFound('Recording');
      const video = playableVideoOf(take);
      const expiresAt = Math.floor((clock.now().getTime() + deps.config.mediaUrlLifetimeMs) / 1000);
      const token = signMediaToken(await signingKey(), {
        kind: 'candidate-take',
        mediaId: take.take_id,
        organisationId: take.organisation_id,
        shareLinkId: null,
        expiresAt,
      });
      // Not audited, unlike a member's issue: the candidate watching their own recording reaches no one else's data.
      return {
        url: mediaPathOf(token),
        mime: video.mime,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        durationSeconds: take.duration_ms === null ? null : take.duration_ms / 1000,
      };
    },

    /**
     * The file a media address names, once its signature and time check out (403 media_link_invalid or
     * media_link_expired otherwise) and, for a guest's address, while the share link is open.
     */
    async resolveMediaToken(token: string): Promise<MediaTarget> {
      const nowMs = clock.now().getTime();
      const recent = recentTargets.get(token, nowMs);
      if (recent) return recent;
      const check = verifyMediaToken(await signingKey(), token, clock.now());
      if (!check.ok) {
        throw check.reason === 'expired'
          ? new AppError('media_link_expired', {
              message: 'This recording link has expired. Reload the page to get a new one.',
            })
          : new AppError('media_link_invalid', {
              message: 'This recording link is not valid: it was changed or cut short. Reload the page.',
            });
      }
      const target = await targetOf(check.claims);
      if (!check.claims.shareLinkId) recentTargets.set(token, target, nowMs);
      return target;
    },

    /**
     * Signed addresses of a ready prompt video's files, valid for 4 hours (the employer's content, not a
     * candidate's); the caller has checked that the viewer may watch it.
     */
    async signPromptVideoPlayback(video: PlayablePromptVideo): Promise<PromptVideoPlayback> {
      const key = await signingKey();
      const expiresAt = Math.floor((clock.now().getTime() + promptVideoPlaybackLifetimeMs) / 1000);
      const pathOf = (kind: PromptVideoMediaKind) =>
        mediaPathOf(
          signMediaToken(key, {
            kind,
            mediaId: video.id,
            organisationId: video.organisationId,
            shareLinkId: null,
            expiresAt,
          }),
        );
      return {
        src: pathOf('prompt-video'),
        poster: video.hasPoster ? pathOf('prompt-poster') : null,
        captions: video.hasCaptions ? pathOf('prompt-captions') : null,
        durationSeconds: video.durationSeconds,
      };
    },

    /** In S3 mode, where to redirect instead of streaming; null streams from here. */
    redirectUrlOf: async (target: MediaTarget): Promise<string | null> =>
      deps.redirects ? deps.redirects.presignedUrlOf(target) : null,

    /**
     * The file a valid address names, opened for reading its bytes, or null when it is gone. Local files stay
     * open for a few seconds between a player's range requests.
     */
    async openMedia(target: MediaTarget): Promise<OpenedMedia | null> {
      const localPath = deps.mediaStorage.localPathOf(target.key);
      if (localPath !== null) return openLocalMedia(localFiles, localPath);
      const stored = await deps.mediaStorage.stat(target.key);
      if (!stored) return null;
      return {
        size: stored.bytes,
        read: (range) => deps.mediaStorage.openReadStream(target.key, range),
        close: () => undefined,
      };
    },

    /** Closes the local media files kept open (server shutdown). */
    close: (): void => localFiles.closeAll(),
  };
}

export type PlaybackService = ReturnType<typeof createPlaybackService>;
