import { CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import type { ErasureConfirmed } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, days, hours, type TestClock } from '../../../test/factories/clock.ts';
import { sendAsCandidate } from '../../../test/factories/invitations.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { testS3Env, uniqueKeyPrefix } from '../../../test/s3.ts';
import { openTestBucket } from '../../../test/s3-bucket.ts';
import { isS3Storage } from '../../adapters/create-media-storage.ts';
import { openTakeOk, tusHeaders, tusPatch, tusRequest } from '../takes/takes.test-support.ts';
import {
  decide,
  grepDatabase,
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  testRecording,
  type LifecycleCandidate,
  type LifecycleWorld,
} from './privacy.test-support.ts';
import { readZipEntries } from './zip-reader.test-support.ts';

// The data lifecycle on a real S3 API (Swift): every file of an erased candidate leaves the bucket, retention erases
// exactly what is due, the export reads its recordings from the bucket, and no multipart upload is left behind.
describe('the data lifecycle on S3 storage', { timeout: 240_000 }, () => {
  const bucket = openTestBucket();
  let t: TestContext;
  let clock: TestClock;
  let w: LifecycleWorld;
  let origin: string;
  const c: Record<string, LifecycleCandidate> = {};

  beforeAll(async () => {
    clock = createTestClock(new Date().toISOString());
    t = await createTestApp(testS3Env(), { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
    const set = await send(t.app, w.owner, {
      method: 'PUT',
      url: '/api/v1/organisation/privacy',
      payload: { retention: '90', erasureWindowDays: 3 },
    });
    expect(set.statusCode, set.body).toBe(200);
    c.due = await recordCandidate(t, w, { origin, name: 'Dora Due' });
    c.kept = await recordCandidate(t, w, { origin, name: 'Ken Kept', takes: 2 });
    c.employer = await recordCandidate(t, w, { origin, name: 'Ezra Employer' });
    c.requester = await recordCandidate(t, w, { origin, name: 'Rita Request' });
    await decide(t, w.owner, c.due?.invitationId ?? '');
  }, 200_000);
  afterAll(async () => {
    await t.close();
    bucket.close();
  });

  const folderOf = (who: LifecycleCandidate | undefined) => `${w.organisationId}/${who?.invitationId}/`;
  const keysOf = async (who: LifecycleCandidate | undefined) =>
    (await listStoredKeys(t, w.organisationId)).filter((k) => k.startsWith(folderOf(who)));

  it('keeps every file in the bucket, and the export ZIP reads each answer from there', async () => {
    expect(isS3Storage(t.runtime.mediaStorage)).toBe(true);
    expect(await keysOf(c.kept)).toHaveLength(6);
    for (const key of await keysOf(c.kept)) expect(await bucket.objectExists(key)).toBe(true);
    const res = await sendAsCandidate(t.app, c.kept?.browser ?? null, {
      method: 'GET',
      url: '/api/v1/candidate/your-data/export',
    });
    expect(res.statusCode).toBe(200);
    const entries = readZipEntries(res.rawPayload);
    const takes = await t.runtime.db
      .selectFrom('take_media')
      .innerJoin('takes', 'takes.id', 'take_media.take_id')
      .select(['takes.take_number', 'take_media.playback_key'])
      .where('takes.invitation_id', '=', c.kept?.invitationId ?? '')
      .orderBy('takes.take_number')
      .execute();
    for (const take of takes) {
      expect(entries.get(`answers/question-01-take-${take.take_number}.mp4`)).toEqual(
        await bucket.readObject(take.playback_key ?? '-'),
      );
    }
    expect(entries.get('answers/question-02.txt')?.toString()).toBe(c.kept?.text);
  });

  it('erases a candidate now: nothing of theirs is left in the bucket or the database', async () => {
    const keys = await keysOf(c.employer);
    expect(keys).toHaveLength(3);
    const everyoneElse = (await listStoredKeys(t, w.organisationId)).filter((k) => !keys.includes(k));
    const res = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${c.employer?.invitationId}/erase`,
      payload: { confirmation: c.employer?.email },
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const key of keys) expect(await bucket.objectExists(key)).toBe(false);
    expect(await listStoredKeys(t, w.organisationId)).toEqual(everyoneElse);
    expect(await grepDatabase(t, [c.employer?.email ?? '-', c.employer?.name ?? '-'])).toEqual([]);
  });

  it('cancels an upload in progress: the multipart upload is aborted and its objects deleted', async () => {
    const who = await recordCandidate(t, w, { origin, name: 'Mo Multipart', answer: false });
    const candidate = {
      invitationId: who.invitationId,
      browser: who.browser,
      questionId: w.videoQuestion.id,
    };
    const take = await openTakeOk(t.app, candidate);
    const created = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(candidate),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location') ?? '', origin).toString();
    const uploadId = url.split('/').at(-1) ?? '';
    expect((await tusPatch(candidate, url, 0, testRecording().subarray(0, 20_000))).status).toBe(204);
    expect(await bucket.listOpenMultipartUploads(uploadId)).toHaveLength(1);
    const res = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${who.invitationId}/erase`,
      payload: { confirmation: who.email },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await bucket.listOpenMultipartUploads(uploadId)).toEqual([]);
    for (const key of [uploadId, `${uploadId}.info`, `${uploadId}.part`]) {
      expect(await bucket.objectExists(key)).toBe(false);
    }
  });

  it('aborts a multipart upload left over a day, but not a fresh one nor one a take still uploads into', async () => {
    const prefix = uniqueKeyPrefix();
    const begin = async (key: string) => {
      await bucket.client.send(new CreateMultipartUploadCommand({ Bucket: bucket.s3.bucket, Key: key }));
    };
    await begin(`${prefix}/left`);
    await begin(`${prefix}/in-use`);
    const storage = t.runtime.mediaStorage;
    if (!isS3Storage(storage)) throw new Error('not S3');
    // Seen from a day and a minute later, both are old; one is still in use.
    const later = new Date(Date.now() + days(1) + 60_000);
    const aborted = await storage.abortMultipartUploadsBefore(new Date(later.getTime() - days(1)), {
      prefix,
      skip: (key) => key.endsWith('/in-use'),
    });
    expect(aborted).toEqual([`${prefix}/left`]);
    expect(await bucket.listOpenMultipartUploads(prefix)).toEqual([`${prefix}/in-use`]);
    // Seen from now, nothing is old enough.
    expect(await storage.abortMultipartUploadsBefore(new Date(Date.now() - days(1)), { prefix })).toEqual([]);
    await storage.abortMultipartUploadsBefore(new Date(Date.now() + 60_000), { prefix });
  });

  it('erases through the candidate link and by retention exactly what is due, listing the bucket before and after', async () => {
    const ask = await sendAsCandidate(t.app, c.requester?.browser ?? null, {
      method: 'POST',
      url: '/api/v1/candidate/your-data/erasure-request',
    });
    expect(ask.statusCode, ask.body).toBe(201);
    const mail = w.mail.to(c.requester?.email ?? '-', /Confirm/).at(-1);
    const token = /\/your-data\/erase\/([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const confirmed = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/erasure/confirm',
      payload: { token },
    });
    expect(confirmed.json<ErasureConfirmed>().held).toBe(false);

    const before = await listStoredKeys(t, w.organisationId);
    clock.advance(days(2) + hours(1));
    expect(await t.runtime.services.retention.runDueErasures()).toMatchObject({ erased: 1 });
    const afterRequest = before.filter((k) => !k.startsWith(folderOf(c.requester)));
    expect(await listStoredKeys(t, w.organisationId)).toEqual(afterRequest);

    clock.advance(days(88));
    expect(await t.runtime.services.retention.runDueErasures()).toMatchObject({ erased: 1 });
    expect(await listStoredKeys(t, w.organisationId)).toEqual(
      afterRequest.filter((k) => !k.startsWith(folderOf(c.due))),
    );
    for (const key of before.filter((k) => k.startsWith(folderOf(c.due)))) {
      expect(await bucket.objectExists(key)).toBe(false);
    }
    expect(await keysOf(c.kept)).toHaveLength(6);
  });
});
