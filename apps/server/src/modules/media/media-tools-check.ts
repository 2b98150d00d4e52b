import type { Logger } from 'pino';
import type { Ffmpeg } from '../../adapters/ffmpeg.ts';

/**
 * Start-up check of ffmpeg and ffprobe: a missing binary is one clear warning, never a failed start. Recordings are
 * still saved; their processing fails with the same reason until the binary is there, and can then be retried.
 */
export async function warnWhenMediaToolsMissing(ffmpeg: Ffmpeg, logger: Logger): Promise<void> {
  const problem = await ffmpeg.findProblem();
  if (!problem) return;
  logger.warn(
    { problem },
    `Recordings cannot be processed: ${problem}. Install ffmpeg or set FFMPEG_PATH and FFPROBE_PATH; answers are still saved, and failed processing can be retried once ffmpeg runs.`,
  );
}
