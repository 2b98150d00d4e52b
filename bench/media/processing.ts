/**
 * Processing of one take, timed: the server's own pipeline (processRecording: remux, H.264/AAC MP4, poster,
 * transcript WAV, then the files moved into a local MediaStorage as the job does) against a bare one-command
 * ffmpeg transcode of the same file. Wall seconds and the CPU seconds of the ffmpeg children (from /proc/self/stat,
 * so other work on the machine does not count).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createFfmpeg } from '../../apps/server/src/adapters/ffmpeg.ts';
import { createLocalMediaStorage } from '../../apps/server/src/adapters/local-media-storage.ts';
import { processRecording } from '../../apps/server/src/modules/media/process-recording.ts';
import { storeDerivedFiles } from '../../apps/server/src/modules/media/work-files.ts';
import { ffmpegPath, ffprobePath } from './recordings.ts';

const run = promisify(execFile);
const ticksPerSecond = 100;

/** CPU seconds of this process's finished (waited-for) children so far: cutime + cstime. */
export function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

export interface Timed {
  wallSeconds: number;
  cpuSeconds: number;
}

async function timed(work: () => Promise<void>): Promise<Timed> {
  const cpu = childrenCpuSeconds();
  const started = performance.now();
  await work();
  return { wallSeconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpu };
}

const ffmpeg = createFfmpeg({ ffmpegPath, ffprobePath });

/** The server's pipeline on `input`, in a fresh work folder, stored into `storageDir`. */
export async function runPipeline(
  input: string,
  options: { workRoot: string; storageDir: string; maxSeconds: number; key: string },
): Promise<Timed & { durationMs: number; playbackBytes: number }> {
  const storage = createLocalMediaStorage(options.storageDir);
  const workDir = fs.mkdtempSync(path.join(options.workRoot, 'work-'));
  let durationMs = 0;
  let playbackBytes = 0;
  try {
    const time = await timed(async () => {
      const result = await processRecording(ffmpeg, {
        inputPath: input,
        workDir,
        maxSeconds: options.maxSeconds,
      });
      await storeDerivedFiles(storage, result.files, (extension) => `${options.key}.${extension}`);
      durationMs = result.durationMs;
      playbackBytes = result.files.find((f) => f.role === 'playback')?.bytes ?? 0;
    });
    return { ...time, durationMs, playbackBytes };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The baseline: `ffmpeg -i in.webm -c:v libx264 -preset veryfast -r 30 -c:a aac out.mp4`. */
export async function runBaseline(input: string, output: string): Promise<Timed> {
  try {
    return await timed(async () => {
      await run(ffmpegPath, [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-r', '30', '-c:a', 'aac', output],
      ]);
    });
  } finally {
    fs.rmSync(output, { force: true });
  }
}
