/**
 * Recordings like Chromium's MediaRecorder makes them: VP8 + Opus WebM written live (no duration, no cues), 640x480
 * at 30 fps with noise so the video costs what a real camera costs (~2.5 Mbit/s), and a tone for sound. One 10 s
 * clip is encoded (slower than real time here), longer ones repeat it without re-encoding.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ffmpegPath = process.env.FFMPEG_PATH || 'ffmpeg';
export const ffprobePath = process.env.FFPROBE_PATH || 'ffprobe';

const clipSeconds = 10;

export async function makeRecordings(dir: string, lengths: number[]): Promise<Map<number, string>> {
  const clip = path.join(dir, `clip-${clipSeconds}s.webm`);
  await run(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=640x480:rate=30:duration=${clipSeconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${clipSeconds}`],
    ...['-vf', 'noise=alls=25:allf=t+u', '-pix_fmt', 'yuv420p'],
    ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2500k', '-threads', '2'],
    ...['-c:a', 'libopus', '-b:a', '128k', '-live', '1', '-f', 'webm', clip],
  ]);
  const files = new Map<number, string>();
  for (const seconds of lengths) {
    const file = path.join(dir, `answer-${seconds}s.webm`);
    await run(ffmpegPath, [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-stream_loop', String(Math.ceil(seconds / clipSeconds) - 1), '-i', clip],
      ...['-t', String(seconds), '-c', 'copy', '-live', '1', '-f', 'webm', file],
    ]);
    files.set(seconds, file);
  }
  return files;
}
