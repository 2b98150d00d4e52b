import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { openTakeOk, tusHeaders, tusPatch, tusRequest } from '../takes/takes.test-support.ts';
import { findErasableInvitation } from './erasure.repository.ts';
import {
  grepDatabase,
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  testRecording,
  type LifecycleCandidate,
  type LifecycleWorld,
} from './privacy.test-support.ts';

// Erasure while a take is still uploading or processing, and an erasure that dies half-way.
describe('erasure under faults', { timeout: 120_000 }, () => {
  let t: TestContext;
  let w: LifecycleWorld;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
  }, 60_000);
  afterAll(() => t.close());

  const eraseNow = (c: LifecycleCandidate) =>
    send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${c.invitationId}/erase`,
      payload: { confirmation: c.email },
    });
  const folderOf = (c: LifecycleCandidate) => `${w.organisationId}/${c.invitationId}/`;
  const filesOf = async (c: LifecycleCandidate) =>
    (await listStoredKeys(t, w.organisationId)).filter((k) => k.startsWith(folderOf(c)));

  it('cancels a take still uploading: its partial upload goes, and no later byte becomes a file', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Uma Uploading', answer: false });
    const candidate = { invitationId: c.invitationId, browser: c.browser, questionId: w.videoQuestion.id };
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
    const recording = testRecording();
    const half = Math.floor(recording.length / 2);
    expect((await tusPatch(candidate, url, 0, recording.subarray(0, half))).status).toBe(204);
    const tmp = path.join(t.runtime.config.mediaDir, 'tmp');
    expect(existsSync(path.join(tmp, uploadId))).toBe(true);

    expect((await eraseNow(c)).statusCode).toBe(200);
    expect(existsSync(path.join(tmp, uploadId))).toBe(false);
    expect(existsSync(path.join(tmp, `${uploadId}.json`))).toBe(false);
    // The rest arrives, declaring the length: refused, and nothing is written anywhere.
    const last = await tusPatch(candidate, url, half, recording.subarray(half), {
      'upload-length': String(recording.length),
    });
    expect(last.status).toBeGreaterThanOrEqual(400);
    expect(existsSync(path.join(tmp, uploadId))).toBe(false);
    expect(await filesOf(c)).toEqual([]);
    expect(await grepDatabase(t, [c.email])).toEqual([]);
  });

  it('a take saved at the moment it is erased gets no file at its key', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Sam Saving', answer: false });
    const candidate = { invitationId: c.invitationId, browser: c.browser, questionId: w.videoQuestion.id };
    const take = await openTakeOk(t.app, candidate);
    await t.runtime.db
      .updateTable('takes')
      .set({ status: 'uploading', upload_id: 'd'.repeat(32) })
      .where('id', '=', take.takeId)
      .execute();
    const invitation = await findErasableInvitation(t.runtime.db, { invitationId: c.invitationId });
    const key = `${folderOf(c)}${take.takeId}.bin`;
    const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'oneway-race-')), 'upload');
    writeFileSync(source, testRecording());
    // The erasure runs while the finished upload moves into place.
    const finishing = t.runtime.services.takeUploads.completeTakeUpload({
      uploadId: 'd'.repeat(32),
      upload: {
        readHead: () => Promise.resolve(testRecording().subarray(0, 12)),
        hash: () => Promise.resolve({ sha256: 'x'.repeat(64), bytes: testRecording().length }),
        async moveTo() {
          // The erasure wins the race: it has cleaned the candidate's folder when the bytes land at their key.
          if (invitation) {
            await t.runtime.services.erasure.eraseCandidate({
              invitation,
              reason: 'employer',
              actorUserId: null,
            });
          }
          await t.runtime.mediaStorage.putFile(key, source, { contentType: 'video/webm' });
        },
        discard: () => Promise.resolve(),
      },
    });
    await expect(finishing).rejects.toMatchObject({ code: 'take_not_open' });
    expect(await filesOf(c)).toEqual([]);
  });

  it('a take erased while it is processed: its files are removed after storing and the job ends quietly', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Pia Processing', process: false });
    const takeId = c.takeIds[0] ?? '';
    const invitation = await findErasableInvitation(t.runtime.db, { invitationId: c.invitationId });
    const storage = t.runtime.mediaStorage;
    const putFile = storage.putFile.bind(storage);
    const spy = vi.spyOn(storage, 'putFile').mockImplementation(async (key, from, options) => {
      // The first derived file stored: the candidate is erased right then, from another request.
      if (invitation && key.startsWith(folderOf(c))) {
        spy.mockRestore();
        await t.runtime.services.erasure.eraseCandidate({
          invitation,
          reason: 'employer',
          actorUserId: null,
        });
      }
      await putFile(key, from, options);
    });
    await expect(t.runtime.services.media.processTake({ takeId, isLastAttempt: false })).resolves.toBeNull();
    spy.mockRestore();
    expect(await filesOf(c)).toEqual([]);
    // A retry of the job finds nothing and ends quietly too.
    await expect(t.runtime.services.media.processTake({ takeId, isLastAttempt: true })).resolves.toBeNull();
  });

  it('an erasure that died after its rows resumes in the daily job, once, and a second erasure changes nothing', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Rae Resumed' });
    const invitation = await findErasableInvitation(t.runtime.db, { invitationId: c.invitationId });
    if (!invitation) throw new Error('no invitation');
    const recordId = await t.runtime.services.erasure.eraseRows({
      invitation,
      reason: 'employer',
      actorUserId: null,
    });
    // The worker died here: rows gone, files still there, the record says so.
    expect(await filesOf(c)).toHaveLength(3);
    const record = () =>
      t.runtime.db
        .selectFrom('candidate_erasures')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirstOrThrow();
    expect((await record()).status).toBe('erasing');
    expect(await t.runtime.services.retention.runDueErasures()).toMatchObject({ resumed: 1 });
    expect(await filesOf(c)).toEqual([]);
    expect(await record()).toMatchObject({ status: 'done', files: 3 });
    await t.runtime.services.erasure.eraseCandidate({ invitation, reason: 'employer', actorUserId: null });
    await t.runtime.services.erasure.eraseFiles(recordId);
    const audits = await t.runtime.db
      .selectFrom('audit_events')
      .select('id')
      .where('target_id', '=', recordId)
      .execute();
    expect(audits).toHaveLength(1);
    expect(await t.runtime.services.retention.runDueErasures()).toMatchObject({ resumed: 0 });
  });
});
