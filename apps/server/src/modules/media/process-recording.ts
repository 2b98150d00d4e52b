import fs from 'node:fs/promises';
import path from 'node:path';
import { encodeTimeoutMs, type Ffmpeg } from '../../adapters/ffmpeg.ts';
import { derivedExtensions, type DerivedExtension } from './media-keys.ts';

export interface DerivedFile {
  role: 'playback' | 'poster' | 'transcript_audio';
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
  /** Make the transcriber's WAV (answers, the default); prompt videos have the employer's own captions. */
  transcriptAudio?: boolean;
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
 * Turns one recording into what reviewers, candidates and the transcriber use, all inside `workDir`: a remux first
 * (it gives MediaRecorder's WebM a duration), then the playback file cut at `maxSeconds`, a poster for video, and
 * 16 kHz mono WAV when there is sound. Nothing is stored here; the caller moves the files into storage.
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
  if (source.video) await ffmpeg.transcodeVideo(remuxed, playbackPath, encode);
  else await ffmpeg.transcodeAudio(remuxed, playbackPath, encode);
  const played = await ffmpeg.probe(playbackPath);
  const playedSeconds = played.durationSeconds;
  if (playedSeconds === null || (source.video ? !played.video : !played.audio)) {
    throw new UnusableRecordingError('ffmpeg made no playable file from the recording.');
  }
  const files: DerivedFile[] = [
    await describeFile('playback', extension, playbackPath, source.video ? 'video/mp4' : 'audio/mp4'),
  ];

  if (source.video) {
    const posterPath = path.join(workDir, 'poster.jpg');
    await ffmpeg.extractPoster(playbackPath, posterPath, { atSeconds: posterAtSeconds(playedSeconds) });
    files.push(await describeFile('poster', derivedExtensions.poster, posterPath, 'image/jpeg'));
  }
  if (source.audio && options.transcriptAudio !== false) {
    const wavPath = path.join(workDir, 'transcript.wav');
    await ffmpeg.extractTranscriptAudio(remuxed, wavPath, encode);
    files.push(
      await describeFile('transcript_audio', derivedExtensions.transcriptAudio, wavPath, 'audio/wav'),
    );
  }

  return {
    sourceDurationMs: sourceSeconds === null ? null : Math.round(sourceSeconds * 1000),
    durationMs: Math.round(playedSeconds * 1000),
    isTrimmed: sourceSeconds !== null && sourceSeconds > maxSeconds,
    files,
  };
}

async function describeFile(
  role: DerivedFile['role'],
  extension: DerivedExtension,
  filePath: string,
  mime: string,
): Promise<DerivedFile> {
  const { size } = await fs.stat(filePath);
  if (size === 0) throw new UnusableRecordingError(`ffmpeg made an empty ${role.replace('_', ' ')} file.`);
  return { role, extension, path: filePath, mime, bytes: size };
}
