import type { CandidatePrivacy, ErasureResult, GuestView } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createShareLink, guestRequest, openShareLink } from '../share-links/share-links.test-support.ts';
import {
  decide,
  grepDatabase,
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  type LifecycleCandidate,
  type LifecycleWorld,
} from './privacy.test-support.ts';

// Runs on SQLite with local storage and, in the PostgreSQL pass, on PostgreSQL: erasure by the employer is
// complete (no file, no row naming the candidate, no working share link) and touches no one else.
describe('erasing a candidate now (employer)', { timeout: 120_000 }, () => {
  let t: TestContext;
  let w: LifecycleWorld;
  let origin: string;
  let erased: LifecycleCandidate;
  let kept: LifecycleCandidate;

  beforeAll(async () => {
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
    erased = await recordCandidate(t, w, { origin, name: 'Eve Erasable', takes: 2 });
    kept = await recordCandidate(t, w, { origin, name: 'Kim Keeper' });
    for (const c of [erased, kept]) await decide(t, w.owner, c.invitationId);
    // A team member's rating and comment naming the candidate.
    const rated = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${erased.invitationId}/ratings`,
      payload: {
        questionRatings: [{ questionId: w.textQuestion.id, score: 4, note: 'Eve was clear' }],
        overall: 4,
      },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const commented = await send(t.app, w.recruiter, {
      method: 'POST',
      url: `/api/v1/invitations/${erased.invitationId}/comments`,
      payload: { questionId: w.textQuestion.id, atSeconds: null, body: 'Eve Erasable should meet the team' },
    });
    expect(commented.statusCode, commented.body).toBe(201);
  }, 180_000);
  afterAll(() => t.close());

  const erase = (confirmation: string, session = w.owner, invitationId = erased.invitationId) =>
    send(t.app, session, {
      method: 'POST',
      url: `/api/v1/invitations/${invitationId}/erase`,
      payload: { confirmation },
    });

  it('refuses a recruiter, a wrong confirmation, and a candidate under a legal hold', async () => {
    expect((await erase(erased.email, w.recruiter)).statusCode).toBe(403);
    const wrong = await erase('someone-else@example.com');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ details: unknown }>().details).toEqual({
      fields: [{ field: 'confirmation', message: "Type the candidate's e-mail address exactly" }],
    });
    const held = await send(t.app, w.admin, {
      method: 'PUT',
      url: `/api/v1/invitations/${erased.invitationId}/legal-hold`,
      payload: { reason: 'Case 2026-17' },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json<CandidatePrivacy>().legalHold).toMatchObject({
      reason: 'Case 2026-17',
      placedBy: 'Member admin',
    });
    const refused = await erase(erased.email);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('legal_hold_active');
    const lifted = await send(t.app, w.admin, {
      method: 'DELETE',
      url: `/api/v1/invitations/${erased.invitationId}/legal-hold`,
    });
    expect(lifted.json<CandidatePrivacy>().legalHold).toBeNull();
    const audit = await t.runtime.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', erased.invitationId)
      .where('action', 'like', 'candidate.legal_hold%')
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'candidate.legal_hold_placed',
      'candidate.legal_hold_lifted',
    ]);
  });

  it('erases every file, every row naming the candidate and their share link, and nothing of anyone else', async () => {
    const onlyErased = await createShareLink(t, w.owner, { invitationIds: [erased.invitationId] });
    const both = await createShareLink(t, w.owner, {
      invitationIds: [erased.invitationId, kept.invitationId],
    });
    const guestOfOnly = await openShareLink(t, onlyErased);
    const before = await listStoredKeys(t, w.organisationId);
    const erasedFolder = `${w.organisationId}/${erased.invitationId}/`;
    const keptFiles = before.filter((k) => !k.startsWith(erasedFolder));
    // Two originals, two MP4s and two posters of Eve, and Kim's three.
    expect(before.filter((k) => k.startsWith(erasedFolder))).toHaveLength(6);
    expect(keptFiles).toHaveLength(3);
    expect(await grepDatabase(t, [erased.name, erased.email, 'Eve was clear'])).not.toEqual([]);

    const res = await erase(` ${erased.email.toUpperCase()} `);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ErasureResult>()).toEqual({ erased: 1, held: 0 });

    expect(await listStoredKeys(t, w.organisationId)).toEqual(keptFiles);
    expect(
      await grepDatabase(t, [erased.name, erased.email, 'Eve was clear', 'should meet the team', 'Eve ']),
    ).toEqual([]);
    expect(await grepDatabase(t, [kept.name, kept.email])).toContain('invitations.candidate_name');
    // The share link to Eve alone is revoked; the one to both now shows Kim only.
    const reopened = await guestRequest(t, null, {
      method: 'POST',
      url: '/api/v1/shared/session',
      payload: { token: onlyErased.url.split('/s/')[1] },
    });
    expect(reopened.json<{ code: string }>().code).toBe('share_link_revoked');
    const oldGuest = await guestRequest(t, guestOfOnly.cookie, { method: 'GET', url: '/api/v1/shared' });
    expect(oldGuest.statusCode).toBeGreaterThanOrEqual(400);
    const bothView = (await openShareLink(t, both)).view as GuestView & {
      candidates: { invitationId: string }[];
    };
    expect(bothView.candidates.map((c) => c.invitationId)).toEqual([kept.invitationId]);
    // The employer's pages no longer know the candidate.
    const page = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/invitations/${erased.invitationId}`,
    });
    expect(page.statusCode).toBe(404);
  });

  it('leaves a record with counts and an audit entry saying who, what and when, without the erased data', async () => {
    const record = await t.runtime.db
      .selectFrom('candidate_erasures')
      .selectAll()
      .where('invitation_id', '=', erased.invitationId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      reason: 'employer',
      status: 'done',
      actor_user_id: w.owner.info.user.id,
      invitation_status: 'completed',
      takes: 2,
      files: 6,
      text_answers: 1,
      ratings: 1,
      comments: 1,
    });
    expect(Number(record.bytes)).toBeGreaterThan(0);
    expect(record.emails).toBeGreaterThan(0);
    const audit = await t.runtime.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'candidate.erased')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: w.owner.info.user.id, target_id: record.id });
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ reason: 'employer', takes: 2, files: 6 });
    const retention = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interviewId}/retention`,
    });
    expect(retention.json<{ erasedCount: number }>().erasedCount).toBe(1);
  });

  it('erases every candidate of an interview with its title typed, sparing one under a legal hold', async () => {
    const held = await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${kept.invitationId}/legal-hold`,
      payload: {},
    });
    expect(held.statusCode).toBe(200);
    const wrong = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/interviews/${w.interviewId}/erase-candidates`,
      payload: { confirmation: 'Another title' },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await send(t.app, w.admin, {
      method: 'POST',
      url: `/api/v1/interviews/${w.interviewId}/erase-candidates`,
      payload: { confirmation: w.interviewTitle.toLowerCase() },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ErasureResult>()).toEqual({ erased: 0, held: 1 });
    expect(await grepDatabase(t, [kept.email])).not.toEqual([]);
  });
});
