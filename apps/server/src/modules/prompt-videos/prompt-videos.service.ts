import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { jobNames, type PromptVideo, type PromptVideoPlayback } from '@oneway/shared';
import type { Ffmpeg } from '../../adapters/ffmpeg.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError, notFound } from '../../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  assertInterviewEditable,
  getInterviewRowOrThrow,
  lockEditableInterviewRow,
} from '../interviews/interview-access.ts';
import {
  createInterviewRepositories,
  type InterviewRepositories,
} from '../interviews/interview-repositories.ts';
import type { PlaybackService } from '../playback/playback.service.ts';
import { captionsMime } from '../playback/prompt-video-media.ts';
import { getCandidatePromptVideos } from './candidate-prompt-videos.ts';
import { createPromptVideoProcessing } from './prompt-video-processing.ts';
import { playableOf, promptVideoFolderOf, toPromptVideo } from './prompt-video-rows.ts';
import { assertPromptVideoType, extensionOf, receivePromptVideo } from './prompt-video-upload.ts';
import type { PromptVideoRow } from './prompt-videos.repository.ts';
import { parseWebVtt } from './webvtt.ts';

/** An interview's intro video (no questionId) or a question's video prompt. */
export interface PromptVideoTarget {
  organisationId: string;
  interviewId: string;
  questionId?: string;
}

interface Actor {
  organisationId: string;
  userId: string;
}

export interface PromptVideosContext {
  repos: InterviewRepositories;
  clock: Clock;
  audit: AuditService;
  queue: Pick<JobQueue, 'enqueue'>;
  mediaStorage: MediaStorage;
  playback: Pick<PlaybackService, 'signPromptVideoPlayback'>;
  /** A folder for uploads on their way into media storage. */
  tempDir: string;
}

const missingVideo = (target: PromptVideoTarget) =>
  notFound(target.questionId === undefined ? 'Intro video' : 'Video prompt');

/** The files a video has in storage. */
const storedKeysOf = (row: PromptVideoRow): string[] =>
  [row.original_key, row.playback_key, row.poster_key, row.captions_key].filter((k) => k !== null);

/** Employers' prompt videos: upload, replace, remove, captions, state, preview and retry. */
export function createPromptVideoFunctions(context: PromptVideosContext) {
  const { repos, clock, audit, queue, mediaStorage } = context;

  const recordEvent = (actor: Actor, action: string, videoId: string, extra: Partial<ClientInfo> = {}) =>
    audit.recordEvent({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action,
      targetType: 'prompt_video',
      targetId: videoId,
      ip: extra.ip ?? null,
      userAgent: extra.userAgent ?? null,
    });

  /** The target's current video id (null when none); refuses a missing interview or question. */
  async function currentVideoIdOf(trx: InterviewRepositories, target: PromptVideoTarget) {
    const interview = await getInterviewRowOrThrow(trx, target);
    if (target.questionId === undefined) return { interview, videoId: interview.intro_video_id };
    const question = await trx.questions.findQuestion({
      interviewId: interview.id,
      questionId: target.questionId,
    });
    if (!question) throw notFound('Question');
    return { interview, videoId: question.prompt_video_id };
  }

  /** Points the target at `videoId` (or at none) in the transaction; returns the id it pointed at. */
  async function pointTargetAt(
    trx: InterviewRepositories,
    target: PromptVideoTarget,
    videoId: string | null,
  ): Promise<string | null> {
    const now = isoNow(clock);
    await lockEditableInterviewRow(trx, { ...target, now });
    const current = await currentVideoIdOf(trx, target);
    if (target.questionId === undefined) {
      await trx.interviews.updateInterview(target.interviewId, { intro_video_id: videoId, updated_at: now });
    } else {
      await trx.questions.updateQuestion(target.questionId, { prompt_video_id: videoId, updated_at: now });
    }
    return current.videoId;
  }

  /** Deletes a video that nothing names any more (no interview, question or version), with its files. */
  async function discardIfUnused(organisationId: string, videoId: string): Promise<void> {
    if (await repos.promptVideos.isVideoReferenced({ organisationId, videoId })) return;
    const row = await repos.promptVideos.findVideo({ organisationId, videoId });
    if (!row) return;
    await repos.promptVideos.deleteVideo(row.id);
    for (const key of storedKeysOf(row)) await mediaStorage.delete(key);
  }

  async function getVideoRowOrThrow(ref: { organisationId: string; videoId: string }) {
    const row = await repos.promptVideos.findVideo(ref);
    if (!row) throw notFound('Video');
    return row;
  }

  /** The target's current video, editable: refuses an archived interview and a target without a video. */
  async function getCurrentVideoRowOrThrow(target: PromptVideoTarget): Promise<PromptVideoRow> {
    const { interview, videoId } = await currentVideoIdOf(repos, target);
    assertInterviewEditable(interview);
    if (videoId === null) throw missingVideo(target);
    return getVideoRowOrThrow({ organisationId: target.organisationId, videoId });
  }

  async function queueProcessing(row: PromptVideoRow, dedupeKey: string): Promise<void> {
    try {
      await queue.enqueue(jobNames.promptVideoProcess, { videoId: row.id }, { dedupeKey });
    } catch (err) {
      // A video left "processing" without a job would wait forever; failed, it can be retried.
      await repos.promptVideos.updateVideo(row.id, {
        status: 'failed',
        failure_reason: 'The video could not be queued for processing. Retry it.',
      });
      throw err;
    }
  }

  async function storeUpload(target: PromptVideoTarget, options: { contentType: string; body: Readable }) {
    const type = assertPromptVideoType(options.contentType);
    const videoId = newId();
    await fs.mkdir(context.tempDir, { recursive: true });
    const file = path.join(context.tempDir, `prompt-video-${videoId}`);
    try {
      const bytes = await receivePromptVideo(options.body, { file, type });
      const key = `${promptVideoFolderOf({ organisation_id: target.organisationId, id: videoId })}/original.${extensionOf[type]}`;
      await mediaStorage.putFile(key, file, { contentType: type });
      return { videoId, type, bytes, key };
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  return {
    /**
     * Sets the target's video from an uploaded WebM, MP4 or QuickTime file (streamed to storage, its first bytes
     * checked) and queues its processing. The video it replaces stays while an interview version names it.
     */
    async uploadPromptVideo(
      target: PromptVideoTarget & { userId: string; contentType: string; body: Readable },
    ): Promise<PromptVideo> {
      assertPromptVideoType(target.contentType);
      // A foreign or archived interview, or a missing question, is refused before anything is stored.
      assertInterviewEditable((await currentVideoIdOf(repos, target)).interview);
      const upload = await storeUpload(target, target);
      const row: PromptVideoRow = {
        id: upload.videoId,
        organisation_id: target.organisationId,
        interview_id: target.interviewId,
        status: 'processing',
        failure_reason: null,
        attempts: 0,
        original_key: upload.key,
        original_mime: upload.type,
        original_bytes: upload.bytes,
        playback_key: null,
        playback_bytes: null,
        poster_key: null,
        duration_ms: null,
        captions_key: null,
        created_by_user_id: target.userId,
        created_at: isoNow(clock),
        processed_at: null,
      };
      let replacedId: string | null;
      try {
        replacedId = await repos.transaction(async (trx) => {
          await trx.promptVideos.insertVideo(row);
          return pointTargetAt(trx, target, row.id);
        });
      } catch (err) {
        await mediaStorage.delete(upload.key);
        throw err;
      }
      await queueProcessing(row, `prompt-video/${row.id}/process`);
      if (replacedId !== null) await discardIfUnused(target.organisationId, replacedId);
      await recordEvent(target, 'prompt_video.uploaded', row.id);
      return toPromptVideo(row);
    },

    /** Removes the target's video; its row and files stay while an interview version names it. */
    async removePromptVideo(target: PromptVideoTarget & { userId: string }): Promise<void> {
      const removedId = await repos.transaction((trx) => pointTargetAt(trx, target, null));
      if (removedId === null) return;
      await discardIfUnused(target.organisationId, removedId);
      await recordEvent(target, 'prompt_video.removed', removedId);
    },

    /** Sets the WebVTT captions of the target's current video (processing or ready), replacing any. */
    async setPromptVideoCaptions(
      target: PromptVideoTarget & { userId: string; bytes: Buffer },
    ): Promise<PromptVideo> {
      const vtt = parseWebVtt(target.bytes);
      const row = await getCurrentVideoRowOrThrow(target);
      const key = `${promptVideoFolderOf(row)}/captions-${randomBytes(6).toString('hex')}.vtt`;
      await fs.mkdir(context.tempDir, { recursive: true });
      const file = path.join(context.tempDir, `captions-${row.id}-${randomBytes(6).toString('hex')}`);
      try {
        await fs.writeFile(file, vtt);
        await mediaStorage.putFile(key, file, { contentType: captionsMime });
      } finally {
        await fs.rm(file, { force: true });
      }
      await repos.promptVideos.updateVideo(row.id, { captions_key: key });
      if (row.captions_key !== null) await mediaStorage.delete(row.captions_key);
      await recordEvent(target, 'prompt_video.captions_set', row.id);
      return toPromptVideo({ ...row, captions_key: key });
    },

    /** Removes the captions of the target's current video; none is not an error. */
    async removePromptVideoCaptions(target: PromptVideoTarget & { userId: string }): Promise<void> {
      const row = await getCurrentVideoRowOrThrow(target);
      if (row.captions_key === null) return;
      await repos.promptVideos.updateVideo(row.id, { captions_key: null });
      await mediaStorage.delete(row.captions_key);
      await recordEvent(target, 'prompt_video.captions_removed', row.id);
    },

    /** A video of the organisation, for the editor page to follow its processing. */
    async getPromptVideo(ref: { organisationId: string; videoId: string }): Promise<PromptVideo> {
      return toPromptVideo(await getVideoRowOrThrow(ref));
    },

    /** Signed addresses for a member's preview of a ready video; every issue is audited. */
    async issuePromptVideoPreview(
      actor: Actor & { videoId: string; client: ClientInfo },
    ): Promise<PromptVideoPlayback> {
      const row = await getVideoRowOrThrow(actor);
      const playable = playableOf(row);
      if (!playable) {
        throw new AppError('media_not_ready', {
          message:
            row.status === 'failed'
              ? `This video could not be processed: ${row.failure_reason ?? 'no reason was recorded'}`
              : 'This video is still being processed. Try again in a minute.',
          details: { status: row.status, failureReason: row.failure_reason },
        });
      }
      const playback = await context.playback.signPromptVideoPlayback(playable);
      await recordEvent(actor, 'prompt_video.playback_issued', row.id, actor.client);
      return playback;
    },

    /** Queues a failed video's processing again, with fresh tries; a processing or ready one is left alone. */
    async retryPromptVideo(actor: Actor & { videoId: string }): Promise<PromptVideo> {
      const row = await getVideoRowOrThrow(actor);
      if (row.status === 'failed' && (await repos.promptVideos.requeueFailedVideo(row.id))) {
        await queueProcessing(row, `prompt-video/${row.id}/process/retry-${row.attempts}`);
        await recordEvent(actor, 'prompt_video.retried', row.id);
      }
      return toPromptVideo(await getVideoRowOrThrow(actor));
    },
  };
}

/** Prompt videos for employers, their processing, and what candidates are given of them. */
export function createPromptVideosService(deps: {
  db: Db;
  config: Pick<Config, 'mediaDir' | 'dataDir'>;
  clock: Clock;
  audit: AuditService;
  queue: Pick<JobQueue, 'enqueue'>;
  mediaStorage: MediaStorage;
  ffmpeg: Ffmpeg;
  playback: Pick<PlaybackService, 'signPromptVideoPlayback'>;
}) {
  const repos = createInterviewRepositories(deps.db);
  return {
    ...createPromptVideoFunctions({ ...deps, repos, tempDir: path.join(deps.config.mediaDir, 'tmp') }),
    ...createPromptVideoProcessing({
      ...deps,
      promptVideos: repos.promptVideos,
      workRoot: path.join(deps.config.dataDir, 'work'),
    }),
    getCandidatePromptVideos: (invitation: InvitationsTable) => getCandidatePromptVideos(deps, invitation),
  };
}

export type PromptVideosService = ReturnType<typeof createPromptVideosService>;
