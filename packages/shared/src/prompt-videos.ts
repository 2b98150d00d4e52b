import * as z from 'zod/mini';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small.

/**
 * Videos the employer gives candidates: the interview's introduction and a question's video prompt. Recorded in
 * the browser or uploaded, processed by the same ffmpeg pipeline as answers (MP4 H.264/AAC with faststart and a
 * poster), optionally with WebVTT captions. A processed video never changes: replacing one makes a new video, so
 * interview versions that candidates already started keep the one they were shown.
 */
export const promptVideoStatusSchema = z.enum(['processing', 'ready', 'failed']);
export type PromptVideoStatus = z.infer<typeof promptVideoStatusSchema>;

/** The employer's view of a prompt video. */
export const promptVideoSchema = z.object({
  id: z.string(),
  status: promptVideoStatusSchema,
  /** Why processing failed, in words an employer can act on; null unless failed. */
  failureReason: z.nullable(z.string()),
  /** Known once processed. */
  durationSeconds: z.nullable(z.number()),
  hasCaptions: z.boolean(),
  createdAt: z.string(),
});
export type PromptVideo = z.infer<typeof promptVideoSchema>;

/** Where a page plays a ready prompt video: short-lived signed addresses. */
export const promptVideoPlaybackSchema = z.object({
  /** MP4 (H.264/AAC), served with HTTP Range. */
  src: z.string(),
  poster: z.nullable(z.string()),
  /** WebVTT, for a <track kind="captions">; null when the employer gave none. */
  captions: z.nullable(z.string()),
  durationSeconds: z.number(),
});
export type PromptVideoPlayback = z.infer<typeof promptVideoPlaybackSchema>;

/**
 * GET /candidate/prompt-videos: the videos of the candidate's interview version. The intro plays on the landing
 * page. A question's video is announced (with its length) before the question is revealed, but its addresses are
 * given only once the candidate has revealed it, like its prompt text. The think time starts when the video ends.
 */
export const candidatePromptVideosSchema = z.object({
  intro: z.nullable(promptVideoPlaybackSchema),
  questions: z.array(
    z.object({
      questionId: z.string(),
      durationSeconds: z.number(),
      /** null until the question is revealed. */
      playback: z.nullable(promptVideoPlaybackSchema),
    }),
  ),
});
export type CandidatePromptVideos = z.infer<typeof candidatePromptVideosSchema>;

/** The container types accepted for a prompt video (browser recordings and phone/camera files). */
export const promptVideoTypes = ['video/webm', 'video/mp4', 'video/quicktime'] as const;
export type PromptVideoType = (typeof promptVideoTypes)[number];
/** The largest prompt video accepted, in bytes. */
export const promptVideoMaxBytes = 500 * 1024 * 1024;
/** The longest prompt video accepted, in seconds. */
export const promptVideoMaxSeconds = 300;
/** The largest captions file accepted, in bytes. */
export const promptVideoCaptionsMaxBytes = 256 * 1024;
