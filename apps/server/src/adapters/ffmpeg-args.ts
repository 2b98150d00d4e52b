// The ffmpeg command lines, as data: what each processing step asks of ffmpeg, testable without running it.
// Streams are always chosen by type (`0:v:0`, `0:a:0`), never by index: recordings put audio first or second.

const quiet = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];

// Nothing from the candidate's file (title, device, encoder, creation time, chapters) reaches the output, and
// ffmpeg adds no version tags or creation time of its own.
const stripMetadata = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact'];

const aac = ['-c:a', 'aac', '-b:a', '128k', '-flags:a', '+bitexact'];

const durationCap = (maxSeconds: number) => ['-t', maxSeconds.toFixed(3)];

export function ffprobeArgs(input: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input];
}

/**
 * Copies the first video and audio stream into Matroska unchanged (about 0.2 s): MediaRecorder's WebM has no
 * duration and no seek index, and this writes both. Matroska takes any codec, so Safari's MP4 fits as well.
 */
export function remuxArgs(input: string, output: string): string[] {
  return [...quiet, '-i', input, '-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy', '-f', 'matroska', output];
}

/**
 * H.264 (veryfast, CRF 23) + AAC in MP4 with the index first (`+faststart`) so playback starts before the whole
 * file arrives. `-r 30`: Chrome's WebM has a 1 kHz time base that otherwise becomes a 1000 fps MP4 (20x slower).
 * A key frame every 2 s keeps seeking quick; even dimensions are what 4:2:0 H.264 needs.
 */
export function transcodeVideoArgs(input: string, output: string, options: EncodeOutputs): string[] {
  return [
    ...quiet,
    ...['-i', input, '-map', '0:v:0', '-map', '0:a:0?', ...durationCap(options.maxSeconds)],
    ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-r', '30', '-g', '60', '-pix_fmt', 'yuv420p'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-flags:v', '+bitexact'],
    ...aac,
    ...stripMetadata,
    ...['-movflags', '+faststart', '-f', 'mp4', output],
    ...extraOutputs(options),
  ];
}

/**
 * Files made in the same run as the playback file, from the one decode of the recording: each ffmpeg run costs
 * a start-up and a parse of the input, as much as the poster itself.
 */
export interface EncodeOutputs {
  maxSeconds: number;
  /** The JPEG of posterArgs, `-ss` on the output: frames before it are decoded anyway, for the MP4. */
  poster?: { path: string; atSeconds: number } | undefined;
}

function extraOutputs(options: EncodeOutputs): string[] {
  return options.poster
    ? [...['-map', '0:v:0', '-ss', options.poster.atSeconds.toFixed(3)], ...jpegFormat, options.poster.path]
    : [];
}
const jpegFormat = [
  ...['-frames:v', '1', '-q:v', '3', '-flags:v', '+bitexact'],
  ...stripMetadata,
  ...['-f', 'image2', '-update', '1'],
];

/** An answer without video: AAC in an MP4 container (M4A), index first. */
export function transcodeAudioArgs(input: string, output: string, options: EncodeOutputs): string[] {
  return [
    ...quiet,
    ...['-i', input, '-map', '0:a:0', '-vn', ...durationCap(options.maxSeconds)],
    ...aac,
    ...stripMetadata,
    ...['-movflags', '+faststart', '-f', 'mp4', output],
    ...extraOutputs({ ...options, poster: undefined }),
  ];
}

/** One JPEG frame at `atSeconds`; seeking before `-i` jumps to the nearest key frame, then decodes to the time. */
export function posterArgs(input: string, output: string, options: { atSeconds: number }): string[] {
  return [
    ...quiet,
    ...['-ss', options.atSeconds.toFixed(3), '-i', input, '-map', '0:v:0'],
    ...jpegFormat,
    output,
  ];
}
