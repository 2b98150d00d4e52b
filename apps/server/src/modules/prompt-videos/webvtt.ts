import { promptVideoCaptionsMaxBytes } from '@oneway/shared';
import { AppError } from '../../errors.ts';

const invalid = (message: string): AppError => new AppError('captions_invalid', { message });

/**
 * The captions as stored: UTF-8 WebVTT that starts with "WEBVTT" (after an optional byte order mark) and has at
 * least one cue. Anything else is refused with what is wrong, so a player never gets a file it cannot read.
 */
export function parseWebVtt(bytes: Buffer): Buffer {
  if (bytes.length > promptVideoCaptionsMaxBytes) {
    throw new AppError('payload_too_large', {
      message: `The captions file is larger than ${promptVideoCaptionsMaxBytes / 1024} KB.`,
      details: { maxBytes: promptVideoCaptionsMaxBytes },
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid('The captions file is not UTF-8 text. Save it as UTF-8 WebVTT (.vtt).');
  }
  if (!/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) {
    throw invalid('The captions file is not WebVTT: it must start with the line "WEBVTT".');
  }
  if (!text.includes('-->')) {
    throw invalid(
      'The captions file has no cues: each cue needs a time line such as "00:00.000 --> 00:04.000".',
    );
  }
  return bytes;
}
