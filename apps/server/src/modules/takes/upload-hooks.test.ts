import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Upload } from '@tus/server';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createLocalMediaStorage } from '../../adapters/local-media-storage.ts';
import { loadConfig } from '../../config.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import type { CandidateContext } from '../candidate/candidate.service.ts';
import { detectRecordingMime } from './media-files.ts';
import type { TakeUploadsService } from './take-uploads.service.ts';
import { createUploadFinisher } from './upload-finisher.ts';
import { createUploadHooks } from './upload-hooks.ts';
import { createLocalUploadStore } from './upload-store.ts';

const invitation = { id: 'inv-1' } as InvitationsTable;

function hooksWith(takeUploads: Partial<TakeUploadsService>, tempDir = os.tmpdir()) {
  const resolveCandidateSession = vi.fn((value: string | undefined): Promise<CandidateContext> => {
    if (value !== 'good') return Promise.reject(new AppError('candidate_session_invalid', { message: 'no' }));
    return Promise.resolve({ sessionId: 's', invitation, renewedExpiresAt: null });
  });
  const uploads = createLocalUploadStore({ tempDir, storage: createLocalMediaStorage(tempDir) });
  const hooks = createUploadHooks({
    config: loadConfig({ DATA_DIR: tempDir }),
    candidate: { resolveCandidateSession },
    takeUploads: takeUploads as TakeUploadsService,
    parseCookie: (header) => Object.fromEntries(new URLSearchParams(header.replaceAll('; ', '&'))),
    logger: pino({ level: 'silent' }),
    uploads,
    finisher: createUploadFinisher({
      takeUploads: takeUploads as TakeUploadsService,
      uploads,
      logger: pino({ level: 'silent' }),
    }),
  });
  return { hooks, resolveCandidateSession };
}

const request = (method: string, cookie = 'oneway_candidate=good') =>
  new Request('http://127.0.0.1/api/v1/uploads/x', { method, headers: { cookie } });

describe('tus upload hooks', () => {
  it('names uploads with server-made ids, whatever the metadata says', () => {
    const { hooks } = hooksWith({});
    const a = hooks.namingFunction();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(hooks.namingFunction()).not.toBe(a);
  });

  it('turns refusals into tus errors with the JSON error body, and reads the candidate cookie', async () => {
    const getUploadTake = vi.fn(() => Promise.reject(new AppError('forbidden', { message: 'not yours' })));
    const { hooks } = hooksWith({ getUploadTake });
    await expect(hooks.onIncomingRequest(request('PATCH'), 'u1')).rejects.toMatchObject({
      status_code: 403,
      body: JSON.stringify({ code: 'forbidden', message: 'not yours' }),
    });
    expect(getUploadTake).toHaveBeenCalledWith({ invitation, uploadId: 'u1', requireUploading: true });
    await expect(
      hooks.onIncomingRequest(request('HEAD', 'oneway_candidate=bad'), 'u1'),
    ).rejects.toMatchObject({
      status_code: 401,
    });
  });

  it("keeps only the checked takeId of the metadata on creation, with the take's byte cap", async () => {
    const claimTakeUpload = vi.fn(() => Promise.resolve());
    const capTakeUpload = vi.fn(() => Promise.resolve(190_000_000));
    const { hooks } = hooksWith({ claimTakeUpload, capTakeUpload });
    const upload = new Upload({
      id: 'u2',
      offset: 0,
      metadata: { takeId: 't1', filename: '../../etc/passwd', maxBytes: '99999999999' },
    });
    expect(await hooks.onUploadCreate(request('POST'), upload)).toEqual({
      metadata: { takeId: 't1', maxBytes: '190000000' },
    });
    expect(claimTakeUpload).toHaveBeenCalledWith({ invitation, takeId: 't1', uploadId: 'u2' });
    await expect(
      hooks.onUploadCreate(request('POST'), new Upload({ id: 'u3', offset: 0 })),
    ).rejects.toMatchObject({
      status_code: 400,
    });
  });

  it("removes FileStore's offset file once the upload is finished, even when the file is refused", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-hooks-'));
    writeFileSync(path.join(dir, 'u4.json'), '{}');
    const completeTakeUpload = vi.fn(() =>
      Promise.reject(new AppError('upload_rejected', { message: 'no' })),
    );
    const { hooks } = hooksWith({ completeTakeUpload }, dir);
    await expect(
      hooks.onUploadFinish(request('PATCH'), new Upload({ id: 'u4', offset: 0 })),
    ).rejects.toMatchObject({
      status_code: 415,
    });
    expect(completeTakeUpload).toHaveBeenCalledWith(expect.objectContaining({ uploadId: 'u4' }));
    expect(existsSync(path.join(dir, 'u4.json'))).toBe(false);
  });
});

describe('detectRecordingMime', () => {
  it('knows WebM by its EBML header and MP4 by ftyp at offset 4, and nothing else', () => {
    expect(detectRecordingMime(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42]))).toBe('video/webm');
    expect(detectRecordingMime(Buffer.from('\0\0\0\x18ftypmp42', 'latin1'))).toBe('video/mp4');
    expect(detectRecordingMime(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectRecordingMime(Buffer.alloc(0))).toBeNull();
  });
});
