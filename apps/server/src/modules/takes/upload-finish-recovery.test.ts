import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypesOf } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createUpload,
  makeWebm,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusPatch,
  tusRequest,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

// The server dies between the last byte of an upload and saving its take. The states it can leave behind are made
// here with the upload store's own calls: every byte stored with the length declared (died before the finish), or
// the file already moved to its storage key (died during the finish, before the database was updated).
describe('an upload whose every byte arrived but whose take was never saved (real server)', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let recording: Buffer;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(300_000 - webm.length)]);
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 5 }));
  });
  afterAll(() => t.close());

  const takeRow = (takeId: string) =>
    t.runtime.db.selectFrom('takes').selectAll().where('id', '=', takeId).executeTakeFirstOrThrow();
  const uploadIdOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';
  const tmpPath = (url: string) => path.join(t.runtime.config.mediaDir, 'tmp', uploadIdOf(url));
  const head = (c: Candidate, url: string) => tusRequest(url, { method: 'HEAD', headers: tusHeaders(c) });
  const countSaved = async (invitationId: string) =>
    (await eventTypesOf(t.runtime, invitationId)).filter((type) => type === 'answer_saved').length;
  const countProcessing = async (takeId: string) =>
    (await t.runtime.db.selectFrom('take_media').select('take_id').where('take_id', '=', takeId).execute())
      .length;

  /** Every byte stored and the length declared, as the last PATCH leaves it just before it finishes. */
  const completeWithoutSaving = async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    expect((await tusPatch(c, url, 0, recording)).status).toBe(204);
    await t.runtime.services.uploadStore.datastore.declareUploadLength(uploadIdOf(url), recording.length);
    expect((await takeRow(take.takeId)).status).toBe('uploading');
    return { c, take, url };
  };

  it('finishes the take on a HEAD, answering that every byte is there with what was stored', async () => {
    const { c, take, url } = await completeWithoutSaving();
    const res = await head(c, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('upload-offset')).toBe(String(recording.length));
    expect(res.headers.get('upload-length')).toBe(String(recording.length));
    expect(res.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'uploaded', sha256: sha256(recording) });
    expect(readFileSync(path.join(t.runtime.config.mediaDir, row.storage_key)).equals(recording)).toBe(true);
    // And again: the same answer, nothing done twice.
    const again = await head(c, url);
    expect(again.status).toBe(200);
    expect(again.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(await countSaved(c.invitationId)).toBe(1);
  });

  it('finishes the take when the page asks for its state', async () => {
    const { c, take } = await completeWithoutSaving();
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: recording.length,
      sha256: sha256(recording),
    });
  });

  it('finishes once when a HEAD and the state are asked for at the same moment', async () => {
    const { c, take, url } = await completeWithoutSaving();
    const [first, second, state] = await Promise.all([
      head(c, url),
      head(c, url),
      takeState(t.app, c, take.takeId),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(second.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(state).toMatchObject({ status: 'uploaded', sha256: sha256(recording) });
    expect(await countSaved(c.invitationId)).toBe(1);
    expect(await countProcessing(take.takeId)).toBe(1);
  });

  it('saves a take whose file was moved to its storage key before the server died, from the stored file', async () => {
    const { c, take, url } = await completeWithoutSaving();
    const row = await takeRow(take.takeId);
    await t.runtime.services.uploadStore
      .finishedUpload(uploadIdOf(url), recording.length)
      .moveTo(row.storage_key, 'video/webm');
    expect(existsSync(tmpPath(url))).toBe(false);

    const res = await head(c, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    const saved = await takeRow(take.takeId);
    expect(saved).toMatchObject({ status: 'uploaded', sha256: sha256(recording), mime: 'video/webm' });
    expect(Number(saved.bytes)).toBe(recording.length);
    expect(readFileSync(path.join(t.runtime.config.mediaDir, saved.storage_key)).equals(recording)).toBe(
      true,
    );
    // The upload's record is gone too: nothing of it is left in the upload folder.
    await expect(fs.access(`${tmpPath(url)}.json`)).rejects.toThrow();
  });

  it('leaves an upload still short of its length alone, answering its offset', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    expect((await tusPatch(c, url, 0, recording.subarray(0, 1000))).status).toBe(204);
    await t.runtime.services.uploadStore.datastore.declareUploadLength(uploadIdOf(url), recording.length);
    const res = await head(c, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('upload-offset')).toBe('1000');
    expect((await takeRow(take.takeId)).status).toBe('uploading');
  });
});
