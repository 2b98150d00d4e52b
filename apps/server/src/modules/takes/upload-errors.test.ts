import { ERRORS } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { uploadErrorBody } from './upload-errors.ts';
import {
  openTakeOk,
  setUpCandidate,
  tusHeaders,
  tusPatch,
  tusRequest,
  type Candidate,
} from './takes.test-support.ts';

const maxBytes = 50_000;

interface ErrorJson {
  code: string;
  message: string;
  requestId: string;
}

/** The documented error shape, with the request id the answer's header names. */
async function expectErrorShape(res: Response, status: number, code: string): Promise<ErrorJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(await res.text()) as ErrorJson;
  expect(body).toMatchObject({ code, message: expect.any(String) as string });
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return body;
}

describe('the tus upload endpoint: CORS, discovery and errors', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  beforeAll(async () => {
    t = await createTestApp({ MEDIA_MAX_BYTES: String(maxBytes) });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(() => t.close());

  const createUpload = async (c: Candidate, takeId: string) => {
    const res = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        origin: 'https://elsewhere.example',
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(takeId).toString('base64')}`,
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    return new URL(res.headers.get('location') ?? '', origin).toString();
  };

  it('lets no other origin in and advertises only the methods it accepts', async () => {
    for (const path of ['/api/v1/uploads', '/api/v1/uploads/0123456789abcdef0123456789abcdef']) {
      const res = await fetch(`${origin}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'PATCH' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
      expect(res.headers.get('allow')).toBe('OPTIONS, HEAD, POST, PATCH');
      expect(res.headers.get('tus-version')).toBe('1.0.0');
      expect(res.headers.get('tus-max-size')).toBe(String(maxBytes));
    }
    // The methods left out are indeed refused.
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${origin}/api/v1/uploads/0123456789abcdef0123456789abcdef`, { method });
      expect(res.status).toBe(404);
    }
  });

  it('answers every refusal in the documented JSON shape with the request id', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(c, take.takeId);

    const noVersion = await fetch(url, {
      method: 'PATCH',
      headers: { ...tusHeaders(c), 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      body: Buffer.alloc(1),
    });
    await expectErrorShape(noVersion, 412, 'validation_failed');

    const badLength = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...tusHeaders(c), 'upload-length': '-4' },
    });
    expect((await expectErrorShape(badLength, 400, 'validation_failed')).message).toContain('upload-length');

    expect((await tusPatch(c, url, 0, Buffer.alloc(100))).status).toBe(204);
    const wrongOffset = await tusPatch(c, url, 0, Buffer.alloc(100));
    await expectErrorShape(wrongOffset, 409, 'upload_conflict');

    const tooLarge = await tusPatch(c, url, 100, Buffer.alloc(10), { 'upload-length': String(maxBytes + 1) });
    await expectErrorShape(tooLarge, 413, 'upload_too_large');

    const stranger = await invite();
    const foreign = await tusRequest(url, { method: 'HEAD', headers: tusHeaders(stranger) });
    expect(foreign.status).toBe(403);
    const noMetadata = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...tusHeaders(c), 'upload-defer-length': '1' },
    });
    await expectErrorShape(noMetadata, 400, 'validation_failed');
  });
});

describe('uploadErrorBody', () => {
  const codeOf = (error: { status_code: number; body: string }) =>
    (JSON.parse(uploadErrorBody(error, undefined)) as ErrorJson).code;

  it("gives tus's passing refusals codes the page retries, and its final ones codes it gives up on", () => {
    // The page (uploadRetry.ts) retries upload_conflict and upload_busy, and gives up on not_found and too large.
    expect(codeOf(ERRORS.INVALID_OFFSET)).toBe('upload_conflict');
    expect(codeOf(ERRORS.ABORTED)).toBe('upload_busy');
    expect(codeOf({ status_code: 423, body: 'locked' })).toBe('upload_busy');
    expect(codeOf(ERRORS.FILE_NOT_FOUND)).toBe('not_found');
    expect(codeOf(ERRORS.FILE_NO_LONGER_EXISTS)).toBe('not_found');
    expect(codeOf(ERRORS.ERR_MAX_SIZE_EXCEEDED)).toBe('payload_too_large');
    expect(codeOf(ERRORS.ERR_LOCK_TIMEOUT)).toBe('internal_error');
  });

  it('keeps the code and message of our own refusals', () => {
    const body = JSON.stringify({ code: 'take_not_open', message: 'This take is closed.' });
    expect(JSON.parse(uploadErrorBody({ status_code: 409, body }, undefined))).toEqual({
      code: 'take_not_open',
      message: 'This take is closed.',
      requestId: '',
    });
  });
});
