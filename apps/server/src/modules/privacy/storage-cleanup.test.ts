import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { insertLegacyPracticeTake } from '../playback/playback.test-support.ts';
import {
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  type LifecycleWorld,
} from './privacy.test-support.ts';

describe('the hourly storage clean-up and the one-off practice purge', { timeout: 120_000 }, () => {
  let t: TestContext;
  let w: LifecycleWorld;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
  }, 60_000);
  afterAll(() => t.close());

  it('deletes the takes a submitted candidate did not choose, with their files, and keeps the answers', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Chris Chooser', takes: 3, submit: false });
    const [first, , third] = c.takeIds;
    const chose = await sendAsCandidate(t.app, c.browser, {
      method: 'PUT',
      url: `/api/v1/candidate/answers/${w.videoQuestion.id}`,
      payload: { takeId: first },
    });
    expect(chose.statusCode, chose.body).toBe(200);
    const before = await listStoredKeys(t, w.organisationId);
    // Not yet submitted: nothing is touched.
    expect((await t.runtime.services.storageCleanup.cleanStorage()).discardedTakes).toBe(0);
    expect(await listStoredKeys(t, w.organisationId)).toEqual(before);
    const submitted = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: '/api/v1/candidate/submit',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    expect((await t.runtime.services.storageCleanup.cleanStorage()).discardedTakes).toBe(2);
    const folder = `${w.organisationId}/${c.invitationId}/`;
    expect(await listStoredKeys(t, w.organisationId)).toEqual(
      before.filter((k) => !k.startsWith(folder) || k.includes(first ?? '-')),
    );
    const takes = await t.runtime.db
      .selectFrom('takes')
      .select('id')
      .where('invitation_id', '=', c.invitationId)
      .execute();
    expect(takes.map((r) => r.id)).toEqual([first]);
    expect(third).toBeDefined();
  });

  it('removes tus uploads abandoned in media/tmp for a day, but not one still uploading or a recent one', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Tia Temp', answer: false });
    const tmp = path.join(t.runtime.config.mediaDir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const old = new Date(Date.now() - 2 * 86_400_000);
    const ids = { abandoned: 'a'.repeat(32), uploading: 'b'.repeat(32), recent: 'c'.repeat(32) };
    for (const id of Object.values(ids)) {
      writeFileSync(path.join(tmp, id), 'bytes');
      writeFileSync(path.join(tmp, `${id}.json`), '{}');
      if (id !== ids.recent) {
        utimesSync(path.join(tmp, id), old, old);
        utimesSync(path.join(tmp, `${id}.json`), old, old);
      }
    }
    // A take of this candidate still uploading into the old upload (back after two days offline).
    await t.runtime.db
      .insertInto('takes')
      .values({
        id: 'take-still-uploading',
        invitation_id: c.invitationId,
        organisation_id: w.organisationId,
        question_id: w.videoQuestion.id,
        is_practice: 0,
        take_number: 1,
        status: 'uploading',
        upload_id: ids.uploading,
        storage_key: `${w.organisationId}/${c.invitationId}/take-still-uploading.bin`,
        mime: null,
        bytes: null,
        sha256: null,
        counts_against_limit: 1,
        failure_reason: null,
        created_at: old.toISOString(),
        uploaded_at: null,
      })
      .execute();
    expect((await t.runtime.services.storageCleanup.cleanStorage()).tempFiles).toBe(2);
    expect(readdirSync(tmp).sort()).toEqual(
      [ids.uploading, `${ids.uploading}.json`, ids.recent, `${ids.recent}.json`].sort(),
    );
  });

  it('deletes the transcript WAVs older versions made and forgets their keys', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Walt Wav' });
    const takeId = c.takeIds[0] ?? '';
    const key = `${w.organisationId}/${c.invitationId}/${takeId}.wav`;
    const file = path.join(t.runtime.config.mediaDir, key);
    writeFileSync(file, 'RIFF....WAVE');
    await t.runtime.db
      .updateTable('take_media')
      .set({ transcript_audio_key: key, transcript_audio_mime: 'audio/wav', transcript_audio_bytes: 12 })
      .where('take_id', '=', takeId)
      .execute();
    expect((await listStoredKeys(t, w.organisationId)).includes(key)).toBe(true);
    expect((await t.runtime.services.storageCleanup.cleanStorage()).wavFiles).toBe(1);
    expect((await listStoredKeys(t, w.organisationId)).includes(key)).toBe(false);
    const row = await t.runtime.db
      .selectFrom('take_media')
      .select(['transcript_audio_key', 'playback_key'])
      .where('take_id', '=', takeId)
      .executeTakeFirstOrThrow();
    expect(row.transcript_audio_key).toBeNull();
    expect((await listStoredKeys(t, w.organisationId)).includes(row.playback_key ?? '-')).toBe(true);
  });

  it('purges the practice takes older versions uploaded, files included, once and idempotently', async () => {
    const c = await recordCandidate(t, w, { origin, name: 'Pat Practice', answer: false });
    const practiceId = await insertLegacyPracticeTake(t, c.invitationId);
    const key = `${w.organisationId}/${c.invitationId}/${practiceId}.bin`;
    mkdirSync(path.dirname(path.join(t.runtime.config.mediaDir, key)), { recursive: true });
    writeFileSync(path.join(t.runtime.config.mediaDir, key), 'practice bytes');
    expect(await t.runtime.services.purgePracticeTakes()).toBe(1);
    expect((await listStoredKeys(t, w.organisationId)).includes(key)).toBe(false);
    const left = await t.runtime.db.selectFrom('takes').select('id').where('is_practice', '=', 1).execute();
    expect(left).toEqual([]);
    expect(await t.runtime.services.purgePracticeTakes()).toBe(0);
  });
});
