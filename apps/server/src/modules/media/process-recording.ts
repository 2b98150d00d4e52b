import fs from 'node:fs/promises';
import path from 'node:path';
import { encodeTimeoutMs, type Ffmpeg } from '../../adapters/ffmpeg.ts';
import { derivedExtensions, type DerivedExtension } from './media-keys.ts';

export interface DerivedFile {
  role: 'playback' | 'poster';
  extension: DerivedExtension;
  path: string;
  mime: string;
  bytes: number;
}

export interface ProcessedRecording {
  /** Length of the recording as uploaded; null when even the remuxed file does not say. */
  sourceDurationMs: number | null;
  durationMs: number;
  isTrimmed: boolean;
  files: DerivedFile[];
}

/** A recording ffmpeg can read but that cannot become an answer (no streams, nothing decodable). */
export class UnusableRecordingError extends Error {
  override name = 'UnusableRecordingError';
}

export interface ProcessRecordingOptions {
  inputPath: string;
  workDir: string;
  maxSeconds: number;
  /**
   * A recording longer than maxSeconds is cut (answers, the default) or refused (prompt videos; up to a second
   * over, as a recorder stopping a moment late makes, is cut rather than refused).
   */
  overLimit?: 'trim' | 'refuse';
  /** Refuse a recording without a picture (prompt videos). */
  videoRequired?: boolean;
}

const formatSeconds = (seconds: number): string => {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`;
};

const posterAtSeconds = (durationSeconds: number): number =>
  durationSeconds >= 2 ? 1 : Math.max(0, durationSeconds / 2);

/**
 * Turns one recording into what reviewers and candidates use, all inside `workDir`: a remux first (it gives
 * MediaRecorder's WebM a duration), then in one run the playback file cut at `maxSeconds` and a poster for video.
 * Nothing is stored here; the caller moves the files into storage.
 */
export async function processRecording(
  ffmpeg: Ffmpeg,
  options: ProcessRecordingOptions,
): Promise<ProcessedRecording> {
  const { workDir, maxSeconds } = options;
  const remuxed = path.join(workDir, 'remuxed.mkv');
  await ffmpeg.remux(options.inputPath, remuxed);
  const source = await ffmpeg.probe(remuxed);
  if (!source.video && !source.audio) {
    throw new UnusableRecordingError('The recording holds neither video nor sound.');
  }
  if (options.videoRequired && !source.video) {
    throw new UnusableRecordingError('The file holds sound only; a video needs a picture.');
  }
  const sourceSeconds = source.durationSeconds;
  if (options.overLimit === 'refuse' && sourceSeconds !== null && sourceSeconds > maxSeconds + 1) {
    throw new UnusableRecordingError(
      `The video is ${formatSeconds(sourceSeconds)} long; it can be at most ${formatSeconds(maxSeconds)}.`,
    );
  }
  const encode = {
    maxSeconds,
    timeoutMs: encodeTimeoutMs(Math.min(sourceSeconds ?? maxSeconds, maxSeconds)),
  };

  const extension = source.video ? derivedExtensions.videoPlayback : derivedExtensions.audioPlayback;
  const playbackPath = path.join(workDir, `playback.${extension}`);
  const posterPath = path.join(workDir, 'poster.jpg');
  // One ffmpeg run makes the playback file and, from the same decode, the poster.
  const extras = {
    poster: source.video
      ? { path: posterPath, atSeconds: posterAtSeconds(Math.min(sourceSeconds ?? maxSeconds, maxSeconds)) }
      : undefined,
  };
  if (source.video) await ffmpeg.transcodeVideo(remuxed, playbackPath, { ...encode, ...extras });
  else await ffmpeg.transcodeAudio(remuxed, playbackPath, { ...encode, ...extras });
  const played = await ffmpeg.probe(playbackPath);
  const playedSeconds = played.durationSeconds;
  if (playedSeconds === null || (source.video ? !played.video : !played.audio)) {
    throw new UnusableRecordingError('ffmpeg made no playable file from the recording.');
  }
  const files: DerivedFile[] = [
    await describeFile('playback', extension, playbackPath, source.video ? 'video/mp4' : 'audio/mp4'),
  ];

  if (source.video) {
    // Video shorter than its container said gave the run no frame at that moment: take one from the MP4.
    if (!(await isFile(posterPath))) {
      await ffmpeg.extractPoster(playbackPath, posterPath, { atSeconds: posterAtSeconds(playedSeconds) });
    }
    files.push(await describeFile('poster', derivedExtensions.poster, posterPath, 'image/jpeg'));
  }

  return {
    sourceDurationMs: sourceSeconds === null ? null : Math.round(sourceSeconds * 1000),
    durationMs: Math.round(playedSeconds * 1000),
    isTrimmed: sourceSeconds !== null && sourceSeconds > maxSeconds,
    files,
  };
}

const isFile = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    (stat) => stat.size > 0,
    () => false,
  );

async function describeFile(
  role: DerivedFile['role'],
  extension: DerivedExtension,
  filePath: string,
  mime: string,
): Promise<DerivedFile> {
  const { size } = await fs.stat(filePath);
  if (size === 0) throw new UnusableRecordingError(`ffmpeg made an empty ${role} file.`);
  return { role, extension, path: filePath, mime, bytes: size };
}
