import { z } from 'zod';

const tagsSchema = z.record(z.string(), z.string()).optional();

const ffprobeOutputSchema = z.object({
  streams: z
    .array(
      z.object({
        index: z.number(),
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        sample_rate: z.string().optional(),
        channels: z.number().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
        tags: tagsSchema,
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string().optional(),
    duration: z.string().optional(),
    tags: tagsSchema,
  }),
});

export interface ProbedStream {
  index: number;
  codec: string;
  tags: Record<string, string>;
}

export interface VideoStream extends ProbedStream {
  width: number;
  height: number;
}

export interface AudioStream extends ProbedStream {
  sampleRate: number;
  channels: number;
}

/** What ffprobe says about a file; streams are found by type, never by index (recordings vary). */
export interface MediaProbe {
  formatName: string;
  /** null when the container does not say (MediaRecorder WebM before a remux). */
  durationSeconds: number | null;
  formatTags: Record<string, string>;
  /** The first video stream, if any. */
  video: VideoStream | null;
  /** The first audio stream, if any. */
  audio: AudioStream | null;
}

/** Reads `ffprobe -print_format json -show_format -show_streams` output. */
export function parseFfprobeOutput(json: string): MediaProbe {
  const output = ffprobeOutputSchema.parse(JSON.parse(json));
  // A cover image in an audio file shows up as a one-frame video stream; it is not video.
  const video = output.streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = output.streams.find((s) => s.codec_type === 'audio');
  const duration = Number(output.format.duration);
  return {
    formatName: output.format.format_name ?? 'unknown',
    durationSeconds: output.format.duration !== undefined && Number.isFinite(duration) ? duration : null,
    formatTags: output.format.tags ?? {},
    video: video
      ? {
          index: video.index,
          codec: video.codec_name ?? 'unknown',
          tags: video.tags ?? {},
          width: video.width ?? 0,
          height: video.height ?? 0,
        }
      : null,
    audio: audio
      ? {
          index: audio.index,
          codec: audio.codec_name ?? 'unknown',
          tags: audio.tags ?? {},
          sampleRate: Number(audio.sample_rate ?? 0),
          channels: audio.channels ?? 0,
        }
      : null,
  };
}
