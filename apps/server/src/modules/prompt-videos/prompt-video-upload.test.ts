import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { matchesPromptVideoType, receivePromptVideo } from './prompt-video-upload.ts';

const webmHead = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]);
const mp4Head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom')]);

/** A body arriving in chunks, as a request stream does. */
const chunked = (...chunks: Buffer[]) => Readable.from(chunks);

describe('receiving a prompt video', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-prompt-upload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  const file = (name: string) => path.join(dir, name);

  it('tells the containers by their first bytes', () => {
    expect(matchesPromptVideoType(webmHead, 'video/webm')).toBe(true);
    expect(matchesPromptVideoType(mp4Head, 'video/mp4')).toBe(true);
    expect(matchesPromptVideoType(mp4Head, 'video/quicktime')).toBe(true);
    expect(matchesPromptVideoType(mp4Head, 'video/webm')).toBe(false);
    expect(matchesPromptVideoType(webmHead, 'video/mp4')).toBe(false);
  });

  it('writes the body to the file as it arrives, even when the first bytes come split', async () => {
    const body = [mp4Head.subarray(0, 3), mp4Head.subarray(3), Buffer.alloc(5000, 1)];
    const bytes = await receivePromptVideo(chunked(...body), { file: file('ok.mp4'), type: 'video/mp4' });
    expect(bytes).toBe(mp4Head.length + 5000);
    expect(readFileSync(file('ok.mp4')).equals(Buffer.concat(body))).toBe(true);
  });

  it('stops a body past the cap with payload_too_large while it streams', async () => {
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += 1024;
        this.push(sent === 1024 ? Buffer.concat([webmHead, Buffer.alloc(1016)]) : Buffer.alloc(1024));
      },
    });
    const receiving = receivePromptVideo(endless, {
      file: file('big.webm'),
      type: 'video/webm',
      maxBytes: 10_000,
    });
    await expect(receiving).rejects.toMatchObject({ code: 'payload_too_large' });
    // Stopped at the cap, give or take what the stream had read ahead.
    expect(sent).toBeLessThan(64 * 1024);
  });

  it('refuses bytes of another container before reading the rest', async () => {
    const receiving = receivePromptVideo(chunked(mp4Head, Buffer.alloc(100)), {
      file: file('bad.webm'),
      type: 'video/webm',
    });
    await expect(receiving).rejects.toBeInstanceOf(AppError);
    await expect(receiving).rejects.toMatchObject({ code: 'prompt_video_rejected' });
    expect(existsSync(file('bad.webm')) ? readFileSync(file('bad.webm')).length : 0).toBe(0);
  });
});
