import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promptVideoMaxBytes, promptVideoTypes, type PromptVideoType } from '@oneway/shared';
import { AppError } from '../../errors.ts';

const nameOf: Record<PromptVideoType, string> = {
  'video/webm': 'WebM',
  'video/mp4': 'MP4',
  'video/quicktime': 'QuickTime',
};

export const extensionOf: Record<PromptVideoType, string> = {
  'video/webm': 'webm',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

/** Bytes enough to tell the container: WebM's EBML header at 0, MP4's and QuickTime's `ftyp` box type at 4. */
const headBytes = 8;

const isPromptVideoType = (value: string): value is PromptVideoType =>
  (promptVideoTypes as readonly string[]).includes(value);

/** Refuses any declared type but WebM, MP4 and QuickTime, naming the type that was sent. */
export function assertPromptVideoType(contentType: string): PromptVideoType {
  if (isPromptVideoType(contentType)) return contentType;
  throw new AppError('prompt_video_rejected', {
    message: `A video must be WebM, MP4 or QuickTime; ${contentType || 'a body without a type'} is not accepted.`,
    details: { contentType },
  });
}

/** Whether the first bytes are those of the declared container (MP4 and QuickTime share the `ftyp` box). */
export function matchesPromptVideoType(head: Buffer, type: PromptVideoType): boolean {
  if (type === 'video/webm') return head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  return head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp';
}

export const tooLarge = (): AppError =>
  new AppError('payload_too_large', {
    message: `The video is larger than ${promptVideoMaxBytes / (1024 * 1024)} MB.`,
    details: { maxBytes: promptVideoMaxBytes },
  });

/**
 * Streams the body into `file` (never held whole in memory), refusing it as soon as it passes the size cap or its
 * first bytes are not the declared container's. Returns the number of bytes written.
 */
export async function receivePromptVideo(
  body: Readable,
  options: { file: string; type: PromptVideoType; maxBytes?: number },
): Promise<number> {
  const maxBytes = options.maxBytes ?? promptVideoMaxBytes;
  let received = 0;
  let head = Buffer.alloc(0);
  let isChecked = false;
  const checkHead = (): AppError | null => {
    isChecked = true;
    if (matchesPromptVideoType(head, options.type)) return null;
    const name = nameOf[options.type];
    return new AppError('prompt_video_rejected', {
      message:
        received === 0
          ? 'The file is empty.'
          : `The file is not a ${name} video: its first bytes are not those of a ${name} file.`,
      details: { contentType: options.type },
    });
  };
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) return callback(tooLarge());
      if (!isChecked) {
        head = Buffer.concat([head, chunk]).subarray(0, headBytes);
        if (head.length >= headBytes) {
          const refusal = checkHead();
          if (refusal) return callback(refusal);
        }
      }
      callback(null, chunk);
    },
    flush(callback) {
      callback(isChecked ? null : checkHead());
    },
  });
  const out = createWriteStream(options.file);
  try {
    await pipeline(body, guard, out);
  } catch (err) {
    // A refused body rejects the pipeline before the file's own open and close are over: wait for them, so the
    // caller's removal of the partial file does not race a file still being created.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw err;
  }
  return received;
}
