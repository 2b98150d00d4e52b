import http from 'node:http';
import { noAccommodations, type OpenedTake } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { decideInvitationAllowance, decideTakeByteCap } from './storage-allowance.ts';
import {
  openTake,
  openTakeOk,
  setUpCandidate,
  tusHeaders,
  tusRequest,
  type Candidate,
} from './takes.test-support.ts';

const config = { mediaMaxSeconds: 1800, mediaMaxBytes: 1024 ** 3 };

describe('the byte cap of a take and the allowance of a link', () => {
  it('is 8 Mbit/s × the answer seconds × 1.5 + 10 MB, with the time multiplier, and MEDIA_MAX_SECONDS when untimed', () => {
    const cap = (answerSeconds: number | null, timeMultiplier: 1 | 2 | null = 1) =>
      decideTakeByteCap({
        answerSeconds,
        accommodations: { ...noAccommodations, timeMultiplier },
        ...config,
      });
    expect(cap(120)).toBe(120 * 1_000_000 * 1.5 + 10 * 1024 * 1024);
    expect(cap(120, 2)).toBe(240 * 1_000_000 * 1.5 + 10 * 1024 * 1024);
    // Untimed: the longest answer kept, which here passes MEDIA_MAX_BYTES.
    expect(cap(120, null)).toBe(1024 ** 3);
    expect(cap(null)).toBe(1024 ** 3);
  });

  it('counts takes as the rules allow plus the free retakes, for recorded questions only', () => {
    const snapshot = {
      questions: [
        { id: 'q1', answerType: 'video', answerSeconds: 60, takes: 2 },
        { id: 'q2', answerType: 'text', answerSeconds: null, takes: 1 },
      ],
    } as never;
    const allowance = decideInvitationAllowance({
      snapshot,
      accommodations: { ...noAccommodations, extraTakes: 1 },
      config,
    });
    const perTake = 60 * 1_500_000 + 10 * 1024 * 1024;
    expect(allowance).toMatchObject({ takes: 2 + 1 + 3, bytes: 6 * perTake });
    expect(allowance.capOf('q1')).toBe(perTake);
  });
});

describe('a candidate link cannot fill the disk', { timeout: 60_000 }, () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  // The question allows 15 s: a take may hold 15 × 1.5 MB + 10 MiB.
  const cap = 15 * 1_500_000 + 10 * 1024 * 1024;

  beforeAll(async () => {
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 1, answerSeconds: 15 }));
  }, 60_000);
  afterAll(() => t.close());

  const createUpload = (c: Candidate, takeId: string, length?: number) =>
    tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        ...(length === undefined ? { 'upload-defer-length': '1' } : { 'upload-length': String(length) }),
        'upload-metadata': `takeId ${Buffer.from(takeId).toString('base64')}`,
      },
    });

  it('refuses an upload that declares more than the take may hold, with upload_too_large', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const res = await createUpload(c, take.takeId, cap + 1);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'upload_too_large' });
    // The take is still free for an upload within the cap.
    expect((await createUpload(c, take.takeId, 1000)).status).toBe(201);
  });

  it('refuses a PATCH that would pass the cap before reading its body', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const created = await createUpload(c, take.takeId);
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location') ?? '', origin);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, {
        method: 'PATCH',
        headers: {
          ...tusHeaders(c),
          'tus-resumable': '1.0.0',
          'content-type': 'application/offset+octet-stream',
          'upload-offset': '0',
          'content-length': String(cap + 1),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          // The rest of the announced body never comes: the connection goes rather than waiting for it.
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'upload_too_large' });
  });

  it('refuses a loop of takes on one link once it holds what its questions allow', async () => {
    const c = await invite();
    const answers: number[] = [];
    let refusal = '';
    for (let i = 0; i < 20 && !refusal; i++) {
      const res = await openTake(t.app, c, i === 0 ? {} : { reason: 'technical_failure' });
      answers.push(res.statusCode);
      if (res.statusCode !== 201) refusal = res.json<{ code: string }>().code;
      else expect((await createUpload(c, res.json<OpenedTake>().takeId)).status).toBe(201);
    }
    // One take, plus three free ones after failures: the fifth is refused.
    expect(answers).toEqual([201, 201, 201, 201, 409]);
    expect(refusal).toBe('no_takes_left');

    // Even where the per-question rule would let one more through, the link's allowance does not.
    const d = await invite();
    for (let i = 0; i < 4; i++) {
      await openTakeOk(t.app, d, i === 0 ? {} : { reason: 'technical_failure' });
      await t.runtime.db
        .updateTable('takes')
        .set({ counts_against_limit: 0 })
        .where('invitation_id', '=', d.invitationId)
        .execute();
    }
    const over = await openTake(t.app, d);
    expect(over.statusCode).toBe(409);
    expect(over.json<{ code: string; details: unknown }>()).toMatchObject({
      code: 'storage_allowance_exceeded',
      details: { takes: 4 },
    });
    const stored = await t.runtime.db
      .selectFrom('takes')
      .select('id')
      .where('invitation_id', '=', d.invitationId)
      .execute();
    expect(stored).toHaveLength(4);
  });
});
