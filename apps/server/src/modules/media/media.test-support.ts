// Real recordings made by ffmpeg at test time, and readers for what processing produced.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFfmpeg } from '../../adapters/ffmpeg.ts';
import type { MediaProbe } from '../../adapters/media-probe.ts';

export type RecordingKind = 'webm' | 'webm-audio-first' | 'webm-audio-only' | 'mp4';

/** Tags a phone or browser might write; none may reach the processed files. */
const privateTags = ['-metadata', 'title=Casey at home', '-metadata', 'comment=iPhone of Casey'];

/**
 * A test-pattern recording with a 440 Hz tone. WebM is written to a pipe, as MediaRecorder streams it, so like a
 * browser recording it has no duration and no seek index; the MP4 (H.264/AAC, as Safari records) is a plain file.
 */
export function makeRecording(kind: RecordingKind, options: { seconds: number; size?: string }): Buffer {
  const d = options.seconds;
  const video = ['-f', 'lavfi', '-i', `testsrc=size=${options.size ?? '320x240'}:rate=15:duration=${d}`];
  const audio = ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${d}`];
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  const webm = ['-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libopus', ...privateTags, '-f', 'webm', 'pipe:1'];
  const run = (args: string[]) =>
    execFileSync('ffmpeg', [...quiet, ...args], { maxBuffer: 256 * 1024 * 1024 });
  switch (kind) {
    case 'webm':
      return run([...video, ...audio, '-map', '0:v', '-map', '1:a', ...webm]);
    case 'webm-audio-first':
      return run([...audio, ...video, '-map', '0:a', '-map', '1:v', ...webm]);
    case 'webm-audio-only':
      return run([...audio, '-c:a', 'libopus', ...privateTags, '-f', 'webm', 'pipe:1']);
    case 'mp4': {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-mp4-'));
      const file = path.join(dir, 'safari.mp4');
      try {
        run([
          ...video,
          ...audio,
          '-c:v',
          'libx264',
          '-pix_fmt',
          'yuv420p',
          '-c:a',
          'aac',
          ...privateTags,
          file,
        ]);
        return readFileSync(file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

/** Passes the WebM magic-byte check at upload, but is nothing ffmpeg can read. */
export const makeCorruptWebm = (): Buffer =>
  Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('not a matroska header '.repeat(2000))]);

const ffmpeg = createFfmpeg({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' });

export const probeFile = (file: string): Promise<MediaProbe> => ffmpeg.probe(file);

/** The types of an MP4's top-level boxes in file order (`ftyp`, `moov`, `mdat`…). */
export function listTopLevelBoxes(data: Buffer): string[] {
  const boxes: string[] = [];
  let offset = 0;
  while (offset + 8 <= data.length) {
    let size = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(data.readBigUInt64BE(offset + 8));
    else if (size === 0) size = data.length - offset;
    if (size < 8) break;
    boxes.push(type);
    offset += size;
  }
  return boxes;
}

/** Tags a muxer writes itself, with no information about the candidate; everything else is a leak. */
const structuralTags = new Set([
  'major_brand',
  'minor_version',
  'compatible_brands',
  'language',
  'handler_name',
]);

/** Every tag of a probed file that is not structural, as `key=value`; the stream's own encoder name aside. */
export function listTagsPassedThrough(probe: MediaProbe): string[] {
  const streams = [probe.video, probe.audio].filter((s) => s !== null);
  const tags = [probe.formatTags, ...streams.map((s) => s.tags)].flatMap((t) => Object.entries(t));
  return tags
    .filter(([key]) => !structuralTags.has(key) && key !== 'vendor_id')
    .filter(([key, value]) => !(key === 'encoder' && value === 'Lavc libx264'))
    .map(([key, value]) => `${key}=${value}`);
}
