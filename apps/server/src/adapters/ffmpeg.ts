import path from 'node:path';
import * as args from './ffmpeg-args.ts';
import { parseFfprobeOutput, type MediaProbe } from './media-probe.ts';
import { runProcess, type RunProcessOptions } from './run-process.ts';

/** `-t` for the output; the run is stopped after timeoutMs (see encodeTimeoutMs). */
export interface EncodeOptions {
  maxSeconds: number;
  timeoutMs: number;
}

/** Encoding, with other files made from the same decode in the same run (see EncodeOutputs). */
export type EncodeWithExtras = EncodeOptions & Omit<args.EncodeOutputs, 'maxSeconds'>;

/** Every use of ffmpeg and ffprobe; file paths in, files out. Errors are ProcessErrors an admin can read. */
export interface Ffmpeg {
  /** Null when both binaries run, else what is wrong (for one start-up warning). */
  findProblem(): Promise<string | null>;
  probe(input: string): Promise<MediaProbe>;
  remux(input: string, output: string): Promise<void>;
  transcodeVideo(input: string, output: string, options: EncodeWithExtras): Promise<void>;
  transcodeAudio(input: string, output: string, options: EncodeWithExtras): Promise<void>;
  extractPoster(input: string, output: string, options: { atSeconds: number }): Promise<void>;
}

const probeTimeoutMs = 60_000;
const remuxTimeoutMs = 10 * 60_000;

/**
 * Time allowed to encode `seconds` of media: a minute to start plus three times real time, far above the ~0.1 s of
 * work per second measured for 640x480 on two cores, so only a hung or starved ffmpeg is stopped.
 */
export const encodeTimeoutMs = (seconds: number): number => 60_000 + Math.ceil(seconds * 3_000);

/**
 * The most every ffmpeg and ffprobe run of one recording of `seconds` may take together (two probes, the remux,
 * the encode, a poster from the MP4, a probe of it): the bound from which a processing job's timeout is derived.
 */
export const processingStepsTimeoutMs = (seconds: number): number =>
  3 * probeTimeoutMs + remuxTimeoutMs + encodeTimeoutMs(seconds) + probeTimeoutMs;

export function createFfmpeg(options: { ffmpegPath: string; ffprobePath: string }): Ffmpeg {
  // Error messages name files by role, not by path: admins read them and paths are the server's business.
  const redactions = (input: string, output?: string): Record<string, string> => ({
    [input]: path.basename(input),
    ...(output ? { [output]: path.basename(output) } : {}),
  });
  const extraRedactions = (outputs: args.EncodeOutputs): Record<string, string> =>
    Object.fromEntries(
      [outputs.poster?.path].filter((file) => file !== undefined).map((file) => [file, path.basename(file)]),
    );
  const ffmpeg = (
    step: string,
    argv: string[],
    extra: Pick<RunProcessOptions, 'timeoutMs' | 'redactions'>,
  ): Promise<void> =>
    runProcess(options.ffmpegPath, argv, {
      label: `ffmpeg (${step})`,
      configVariable: 'FFMPEG_PATH',
      ...extra,
    }).then(() => undefined);

  return {
    async findProblem() {
      const check = (file: string, label: string, configVariable: string) =>
        runProcess(file, ['-version'], { label, configVariable, timeoutMs: 10_000 }).then(
          () => null,
          (err: unknown) => (err instanceof Error ? err.message : String(err)),
        );
      const problems = await Promise.all([
        check(options.ffmpegPath, 'ffmpeg', 'FFMPEG_PATH'),
        check(options.ffprobePath, 'ffprobe', 'FFPROBE_PATH'),
      ]);
      const found = problems.filter((p): p is string => p !== null);
      return found.length > 0 ? found.join('; ') : null;
    },

    async probe(input) {
      const json = await runProcess(options.ffprobePath, args.ffprobeArgs(input), {
        label: 'ffprobe',
        configVariable: 'FFPROBE_PATH',
        timeoutMs: probeTimeoutMs,
        redactions: redactions(input),
      });
      return parseFfprobeOutput(json);
    },

    remux: (input, output) =>
      ffmpeg('remux', args.remuxArgs(input, output), {
        timeoutMs: remuxTimeoutMs,
        redactions: redactions(input, output),
      }),

    transcodeVideo: (input, output, { timeoutMs, ...outputs }) =>
      ffmpeg('transcode', args.transcodeVideoArgs(input, output, outputs), {
        timeoutMs,
        redactions: { ...redactions(input, output), ...extraRedactions(outputs) },
      }),

    transcodeAudio: (input, output, { timeoutMs, ...outputs }) =>
      ffmpeg('audio transcode', args.transcodeAudioArgs(input, output, outputs), {
        timeoutMs,
        redactions: { ...redactions(input, output), ...extraRedactions(outputs) },
      }),

    extractPoster: (input, output, { atSeconds }) =>
      ffmpeg('poster', args.posterArgs(input, output, { atSeconds }), {
        timeoutMs: probeTimeoutMs,
        redactions: redactions(input, output),
      }),
  };
}
