import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  makeWebm,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusRequest,
  uploadWithTus,
} from './takes.test-support.ts';

describe('an upload across a server restart', () => {
  const contexts: TestContext[] = [];
  afterAll(async () => {
    for (const t of contexts.reverse()) await t.close();
  });

  it('resumes from the offset the first server kept, on a new server over the same data, and saves every byte', async () => {
    const webm = makeWebm();
    const half = Math.floor(webm.length / 2);
    const first = await createTestApp({}, {}, { keepOnClose: true });
    const origin1 = await first.app.listen({ port: 0, host: '127.0.0.1' });
    const { invite } = await setUpCandidate(first);
    const c = await invite();
    const take = await openTakeOk(first.app, c);
    const created = await tusRequest(`${origin1}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
      },
    });
    const uploadPath = created.headers.get('location') ?? '';
    const sent = await tusRequest(new URL(uploadPath, origin1).toString(), {
      method: 'PATCH',
      headers: {
        ...tusHeaders(c),
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
      },
      body: webm.subarray(0, half),
    });
    expect(sent.status).toBe(204);
    await first.close();

    const { dataDir, databaseUrl } = first.runtime.config;
    const second = await createTestApp({}, {}, { reuse: { dataDir, databaseUrl } });
    contexts.push(second);
    const origin2 = await second.app.listen({ port: 0, host: '127.0.0.1' });
    const uploadUrl = new URL(uploadPath, origin2).toString();
    const head = await tusRequest(uploadUrl, { method: 'HEAD', headers: tusHeaders(c) });
    expect(head.headers.get('upload-offset')).toBe(String(half));
    // The page resumes from its local copy (random access, like IndexedDB): tus-js-client asks HEAD, then sends
    // the rest from that offset and declares the length at the end.
    await uploadWithTus(origin2, c, { takeId: take.takeId, data: webm, uploadUrl, asStream: false });
    expect(await takeState(second.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: webm.length,
      sha256: createHash('sha256').update(webm).digest('hex'),
    });
  });
});
