import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { createPromptVideosRepository } from '../prompt-videos/prompt-videos.repository.ts';
import type { MediaKind } from './media-token.ts';

/**
 * How long a prompt video's signed address works: a whole interview sitting. They are the employer's content, not
 * a candidate's, so they may outlive the 30 minutes of an answer's.
 */
export const promptVideoPlaybackLifetimeMs = 4 * 3600_000;

export type PromptVideoMediaKind = Extract<MediaKind, `prompt-${string}`>;

export const isPromptVideoKind = (kind: MediaKind): kind is PromptVideoMediaKind =>
  kind.startsWith('prompt-');

/** What signing a ready prompt video's addresses needs. */
export interface PlayablePromptVideo {
  id: string;
  organisationId: string;
  durationSeconds: number;
  hasPoster: boolean;
  hasCaptions: boolean;
}

/** WebVTT, declared UTF-8 so every browser reads accents and scripts right. */
export const captionsMime = 'text/vtt; charset=utf-8';

/** The stored file a prompt video address names, while the video is ready and the file exists. */
export async function findPromptVideoFile(
  db: Db,
  claims: { kind: PromptVideoMediaKind; mediaId: string; organisationId: string },
): Promise<{ key: string; mime: string }> {
  const video = await createPromptVideosRepository(db).findVideo({
    organisationId: claims.organisationId,
    videoId: claims.mediaId,
  });
  if (!video) throw notFound('Video');
  if (video.status !== 'ready') {
    throw new AppError('media_not_ready', {
      message: 'This video is not ready to play.',
      details: { status: video.status },
    });
  }
  const file =
    claims.kind === 'prompt-video'
      ? { key: video.playback_key, mime: 'video/mp4' }
      : claims.kind === 'prompt-poster'
        ? { key: video.poster_key, mime: 'image/jpeg' }
        : { key: video.captions_key, mime: captionsMime };
  if (file.key === null) throw notFound(claims.kind === 'prompt-captions' ? 'Captions' : 'Video file');
  return { key: file.key, mime: file.mime };
}
