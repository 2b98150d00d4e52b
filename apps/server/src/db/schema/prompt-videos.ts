import type { PromptVideoStatus } from '@oneway/shared';

/** An employer's video shown to candidates (intro or question prompt): the upload and what processing made of it. */
export interface PromptVideosTable {
  id: string;
  organisation_id: string;
  /** The interview it was uploaded to (copies of the interview may refer to it too). */
  interview_id: string;
  /** processing (also while queued and between tries), ready, or failed after the last try. */
  status: PromptVideoStatus;
  /** Why processing failed, for the employer; null unless failed. */
  failure_reason: string | null;
  /** Tries so far, retries included. */
  attempts: number;
  /** The upload as sent (WebM, MP4 or QuickTime), never changed. */
  original_key: string;
  original_mime: string;
  /** bigint: a string from pg at run time; read it through Number(). */
  original_bytes: number;
  /** H.264/AAC MP4 with faststart. */
  playback_key: string | null;
  playback_bytes: number | null;
  /** JPEG still. */
  poster_key: string | null;
  duration_ms: number | null;
  /** WebVTT captions given by the employer; null when there are none. */
  captions_key: string | null;
  created_by_user_id: string | null;
  created_at: string;
  processed_at: string | null;
}
