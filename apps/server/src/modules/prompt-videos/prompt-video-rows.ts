import type { PromptVideo } from '@oneway/shared';
import type { PlayablePromptVideo } from '../playback/prompt-video-media.ts';
import type { PromptVideoRow } from './prompt-videos.repository.ts';

/** The employer's view of a stored video. */
export function toPromptVideo(row: PromptVideoRow): PromptVideo {
  return {
    id: row.id,
    status: row.status,
    failureReason: row.status === 'failed' ? row.failure_reason : null,
    durationSeconds: row.duration_ms === null ? null : row.duration_ms / 1000,
    hasCaptions: row.captions_key !== null,
    createdAt: row.created_at,
  };
}

/** Videos by id, to fill in the interview's and its questions' references. */
export type PromptVideosById = ReadonlyMap<string, PromptVideo>;

export const noPromptVideos: PromptVideosById = new Map();

export const toPromptVideosById = (rows: PromptVideoRow[]): PromptVideosById =>
  new Map(rows.map((row) => [row.id, toPromptVideo(row)]));

/** The video a row's reference names, or null. */
export const promptVideoOf = (videos: PromptVideosById, videoId: string | null): PromptVideo | null =>
  videoId === null ? null : (videos.get(videoId) ?? null);

/** Where a video's files live: one folder per video, named by ids only. */
export const promptVideoFolderOf = (video: { organisation_id: string; id: string }): string =>
  `${video.organisation_id}/prompt-videos/${video.id}`;

/** What signing a ready video's addresses needs; null when it cannot play. */
export function playableOf(row: PromptVideoRow): PlayablePromptVideo | null {
  if (row.status !== 'ready' || row.playback_key === null || row.duration_ms === null) return null;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    durationSeconds: row.duration_ms / 1000,
    hasPoster: row.poster_key !== null,
    hasCaptions: row.captions_key !== null,
  };
}
