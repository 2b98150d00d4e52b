import fs from 'node:fs/promises';
import path from 'node:path';
import { promptVideoMaxSeconds } from '@oneway/shared';
import type { Ffmpeg } from '../../adapters/ffmpeg.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { DerivedExtension } from '../media/media-keys.ts';
import { processRecording, UnusableRecordingError } from '../media/process-recording.ts';
import { describeProcessingError, localInputOf, storeDerivedFiles } from '../media/work-files.ts';
import { promptVideoFolderOf } from './prompt-video-rows.ts';
import type { PromptVideosRepository } from './prompt-videos.repository.ts';

/**
 * The promptVideo.process job's work: the answers' pipeline (remux, H.264/AAC MP4 with faststart at 30 fps and
 * without metadata, a poster), no transcript audio. A video longer than promptVideoMaxSeconds is refused with the
 * reason rather than cut: a cut would silently drop the end of what the employer says.
 */
export function createPromptVideoProcessing(deps: {
  promptVideos: PromptVideosRepository;
  clock: Clock;
  mediaStorage: MediaStorage;
  ffmpeg: Ffmpeg;
  /** Scratch space (recordings can be large); one folder per try, removed after it. */
  workRoot: string;
}) {
  const { promptVideos, clock, mediaStorage } = deps;

  return {
    /**
     * One try. Safe to run again: the same keys are replaced whole. A file that cannot become a video fails at
     * once; other failures (a full disk, ffmpeg missing) are retried, and recorded as the reason on the last try.
     */
    async processPromptVideo(options: { videoId: string; isLastAttempt: boolean }): Promise<void> {
      const video = await promptVideos.findVideoById(options.videoId);
      if (!video || !(await promptVideos.markTryStarted(video.id))) return;
      await fs.mkdir(deps.workRoot, { recursive: true });
      const workDir = await fs.mkdtemp(path.join(deps.workRoot, `prompt-${video.id}-`));
      const keyOf = (extension: DerivedExtension) => `${promptVideoFolderOf(video)}/processed.${extension}`;
      try {
        const inputPath = await localInputOf(mediaStorage, video.original_key, workDir);
        const result = await processRecording(deps.ffmpeg, {
          inputPath,
          workDir,
          maxSeconds: promptVideoMaxSeconds,
          overLimit: 'refuse',
          videoRequired: true,
        });
        await storeDerivedFiles(mediaStorage, result.files, keyOf);
        const playback = result.files.find((f) => f.role === 'playback');
        const poster = result.files.find((f) => f.role === 'poster');
        const isSaved = await promptVideos.markVideoReady(video.id, {
          playback_key: playback ? keyOf(playback.extension) : null,
          playback_bytes: playback?.bytes ?? null,
          poster_key: poster ? keyOf(poster.extension) : null,
          duration_ms: result.durationMs,
          processed_at: isoNow(clock),
        });
        // Removed while it was processed: nothing names the files any more.
        if (!isSaved) for (const file of result.files) await mediaStorage.delete(keyOf(file.extension));
      } catch (err) {
        const isFinal = options.isLastAttempt || err instanceof UnusableRecordingError;
        if (isFinal) {
          await promptVideos.markVideoFailed(video.id, {
            failure_reason: describeProcessingError(err),
            processed_at: isoNow(clock),
          });
        }
        if (!(err instanceof UnusableRecordingError)) throw err;
      } finally {
        await fs.rm(workDir, { recursive: true, force: true });
      }
    },
  };
}
