import { createHash } from 'node:crypto';
import type { CandidateReview, CreatedShareLink, GuestView, ShareLink } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days, hours } from '../../../test/factories/clock.ts';
import { createTickingClock } from '../../../test/factories/invitation-api.ts';
import { addQuestion, createInterview, expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send, signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  completeCandidate,
  getReview,
  rate,
  setUpReviewWorld,
  type ReviewWorld,
  type TestCandidate,
} from '../reviews/reviews.test-support.ts';
import { createShareLink, guestRequest, openShareLink } from './share-links.test-support.ts';

describe('share links', () => {
  // Moves on a millisecond per read, so candidates invited one after another get numbers in that order.
  const clock = createTickingClock();
  let t: TestContext;
  let w: ReviewWorld;
  let x: TestCandidate;
  let y: TestCandidate;
  let z: TestCandidate;
  let pending: TestCandidate;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    w = await setUpReviewWorld(t);
    x = await completeCandidate(t, w, { name: 'Xena Xu' });
    y = await completeCandidate(t, w, { name: 'Yuri Young' });
    z = await completeCandidate(t, w, { name: 'Zora Zee' });
    pending = await completeCandidate(t, w, { name: 'Pat Pending', submit: false });
    await rate(t.app, w.owner, w, x.invitationId, 4, 4);
    await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${x.invitationId}/comments`,
      payload: { questionId: w.questions[0]?.id, atSeconds: null, body: 'Internal: salary too high?' },
    });
    await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${x.invitationId}/decision`,
      payload: { decision: 'hold', note: 'Internal note' },
    });
  });
  afterAll(() => t.close());

  const auditOf = (action: string) =>
    t.runtime.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('makes a link shown once, stores only its hash, and audits it', async () => {
    const link = await createShareLink(t, w.recruiter, { invitationIds: [x.invitationId, y.invitationId] });
    expect(link.url).toMatch(new RegExp(`^${t.runtime.config.publicUrl}/s/[A-Za-z0-9_-]{43}$`));
    expect(link).toMatchObject({ status: 'active', anonymised: false, allowRatings: false, useCount: 0 });
    const lasts = Date.parse(link.expiresAt) - clock.now().getTime();
    expect(lasts).toBeGreaterThan(days(7) - 1000);
    expect(lasts).toBeLessThanOrEqual(days(7));
    const token = link.url.split('/s/')[1] ?? '';
    const row = await t.runtime.db
      .selectFrom('share_links')
      .selectAll()
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/share-links`,
    });
    const shared = listed.json<{ shareLinks: ShareLink[] }>().shareLinks.find((l) => l.id === link.id);
    expect(shared?.invitationIds.sort()).toEqual([x.invitationId, y.invitationId].sort());
    expect(JSON.stringify(shared)).not.toContain(token);
    expect((await auditOf('share_link.created')).map((e) => e.target_id)).toContain(link.id);
  });

  it('refuses bad links with clear errors', async () => {
    const post = (payload: object, session = w.owner) =>
      send(t.app, session, { method: 'POST', url: '/api/v1/share-links', payload });
    expectFieldRefused(await post({ invitationIds: [x.invitationId], expiresInDays: 0 }), 'expiresInDays');
    expectFieldRefused(await post({ invitationIds: [x.invitationId], expiresInDays: 91 }), 'expiresInDays');
    expectFieldRefused(await post({ invitationIds: [] }), 'invitationIds');
    const notDone = await post({ invitationIds: [x.invitationId, pending.invitationId] });
    expect(notDone.statusCode).toBe(409);
    expect(notDone.json()).toMatchObject({
      code: 'invitation_not_completed',
      details: { invitationIds: [pending.invitationId] },
    });
    const otherInterview = await createInterview(t.app, w.owner, { title: 'Another role' });
    const question = await addQuestion(t.app, w.owner, otherInterview.id, {
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 500,
    });
    const elsewhere = await completeCandidate(t, { ...w, interview: otherInterview, questions: [question] });
    expectFieldRefused(
      await post({ invitationIds: [x.invitationId, elsewhere.invitationId] }),
      'invitationIds',
    );
    const outsider = await signUp(t.app);
    expect((await post({ invitationIds: [x.invitationId] }, outsider)).statusCode).toBe(404);
  });

  it('opens signed out, shows only the shared candidates read-only, and keeps team notes private', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [x.invitationId, y.invitationId] });
    const guest = await openShareLink(t, link);
    expect(guest.view).toMatchObject({ anonymised: false, allowRatings: false, guestName: null });
    expect(guest.view.candidates.map((c) => c.name)).toEqual(['Xena Xu', 'Yuri Young']);
    const res = await guestRequest(t, guest.cookie, {
      method: 'GET',
      url: `/api/v1/shared/invitations/${x.invitationId}/review`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json<CandidateReview>();
    expect(review.candidate.name).toBe('Xena Xu');
    expect(review.questions[0]?.answer).toMatchObject({ kind: 'text' });
    expect(review).toMatchObject({
      decision: null,
      averageScore: null,
      otherOverall: [],
      ratingsHidden: true,
    });
    expect(review.permissions).toEqual({ canRate: false, canComment: false, canDecide: false });
    expect(res.body).not.toMatch(/Internal/);
    expect(review.navigation).toMatchObject({ nextId: y.invitationId, count: 2 });
    const notShared = await guestRequest(t, guest.cookie, {
      method: 'GET',
      url: `/api/v1/shared/invitations/${z.invitationId}/review`,
    });
    expect(notShared.statusCode).toBe(404);
    expect(notShared.body).not.toContain('Zora');
    const rating = await guestRequest(t, guest.cookie, {
      method: 'PUT',
      url: `/api/v1/shared/invitations/${x.invitationId}/ratings`,
      payload: { guestName: 'Hiring Manager', questionRatings: [], overall: 5 },
    });
    expect(rating.statusCode).toBe(403);
    expect(rating.json<{ message: string }>().message).toMatch(/does not allow ratings/);
    // Signed-out member routes stay closed to the guest cookie.
    const member = await guestRequest(t, guest.cookie, {
      method: 'GET',
      url: `/api/v1/invitations/${x.invitationId}/review`,
    });
    expect(member.statusCode).toBe(401);
  });

  it('hides names and e-mail addresses when the link is anonymised', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [y.invitationId], anonymised: true });
    const guest = await openShareLink(t, link);
    expect(guest.view.candidates.map((c) => c.name)).toEqual(['Candidate 2']);
    const res = await guestRequest(t, guest.cookie, {
      method: 'GET',
      url: `/api/v1/shared/invitations/${y.invitationId}/review`,
    });
    expect(res.json<CandidateReview>().candidate).toEqual({
      candidateNumber: 2,
      name: 'Candidate 2',
      email: null,
      anonymised: true,
    });
    expect(res.body).not.toMatch(/Yuri|Young/);
    expect(res.body).not.toContain(y.email);
  });

  it('takes ratings from a guest under their name when allowed; the team sees them once it rates', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [y.invitationId], allowRatings: true });
    const guest = await openShareLink(t, link);
    const rateAsGuest = (payload: object) =>
      guestRequest(t, guest.cookie, {
        method: 'PUT',
        url: `/api/v1/shared/invitations/${y.invitationId}/ratings`,
        payload,
      });
    expectFieldRefused(await rateAsGuest({ questionRatings: [], overall: 5 }), 'guestName');
    expectFieldRefused(await rateAsGuest({ guestName: 'Gil', questionRatings: [], overall: 8 }), 'overall');
    const ok = await rateAsGuest({
      guestName: 'Gil Guest',
      questionRatings: [{ questionId: w.questions[0]?.id, score: 2 }],
      overall: null,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = await guestRequest(t, guest.cookie, { method: 'GET', url: '/api/v1/shared/view' });
    expect(view.json<GuestView>()).toMatchObject({ guestName: 'Gil Guest', candidates: [{ myScore: 2 }] });
    await rate(t.app, w.recruiter, w, y.invitationId, 4);
    const team = await getReview(t.app, w.recruiter, y.invitationId);
    expect(team.questions[0]?.otherRatings).toEqual([
      { rater: { kind: 'guest', userId: null, name: 'Gil Guest' }, score: 2, note: null },
    ]);
    const audited = await auditOf('review.rated');
    const guestRating = audited.find((e) => e.actor_user_id === null && e.target_id === y.invitationId);
    expect(JSON.parse(guestRating?.details ?? '{}')).toMatchObject({
      shareLinkId: link.id,
      guestName: 'Gil Guest',
    });
  });

  it('refuses a revoked link at once, with 410 and no data', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [x.invitationId] });
    const guest = await openShareLink(t, link);
    const revoke = await send(t.app, w.recruiter, {
      method: 'DELETE',
      url: `/api/v1/share-links/${link.id}`,
    });
    expect(revoke.statusCode).toBe(204);
    for (const url of ['/api/v1/shared/view', `/api/v1/shared/invitations/${x.invitationId}/review`]) {
      const res = await guestRequest(t, guest.cookie, { method: 'GET', url });
      expect(res.statusCode, url).toBe(410);
      expect(res.json()).toMatchObject({
        code: 'share_link_revoked',
        message: expect.stringMatching(/revoked/) as string,
      });
      expect(res.body).not.toContain('Xena');
    }
    const again = await guestRequest(t, null, {
      method: 'POST',
      url: '/api/v1/shared/session',
      payload: { token: link.url.split('/s/')[1] },
    });
    expect(again.statusCode).toBe(410);
    const listed = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/share-links`,
    });
    expect(listed.json<{ shareLinks: ShareLink[] }>().shareLinks.find((l) => l.id === link.id)).toMatchObject(
      {
        status: 'revoked',
        revokedAt: expect.any(String) as string,
        useCount: 1,
      },
    );
    expect((await auditOf('share_link.revoked')).map((e) => e.target_id)).toContain(link.id);
  });

  it('refuses an expired link with 410', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [x.invitationId], expiresInDays: 1 });
    const guest = await openShareLink(t, link);
    clock.advance(days(1) + 1000);
    try {
      const res = await guestRequest(t, guest.cookie, { method: 'GET', url: '/api/v1/shared/view' });
      expect(res.statusCode).toBe(410);
      expect(res.json()).toMatchObject({ code: 'share_link_expired' });
      const again = await guestRequest(t, null, {
        method: 'POST',
        url: '/api/v1/shared/session',
        payload: { token: link.url.split('/s/')[1] },
      });
      expect(again.json()).toMatchObject({ code: 'share_link_expired' });
    } finally {
      clock.advance(-(days(1) + 1000));
    }
  });

  it('purges guest sessions once they or their link have ended, and keeps live ones', async () => {
    const guestRows = (ids: string[]) =>
      t.runtime.db
        .selectFrom('guest_sessions')
        .select('share_link_id')
        .where('share_link_id', 'in', ids)
        .execute();
    const live = await createShareLink(t, w.owner, { invitationIds: [x.invitationId], expiresInDays: 7 });
    const short = await createShareLink(t, w.owner, { invitationIds: [x.invitationId], expiresInDays: 1 });
    const revoked = await createShareLink(t, w.owner, { invitationIds: [x.invitationId], expiresInDays: 7 });
    for (const link of [live, short, revoked]) await openShareLink(t, link);
    await send(t.app, w.owner, { method: 'DELETE', url: `/api/v1/share-links/${revoked.id}` });
    const ids = [live.id, short.id, revoked.id];
    expect(await guestRows(ids)).toHaveLength(3);
    // Guest sessions last up to 12 hours; an hour on, only the revoked link's guest has ended.
    clock.advance(hours(1));
    try {
      await t.runtime.services.guests.purgeEndedGuestSessions();
      expect((await guestRows(ids)).map((r) => r.share_link_id).sort()).toEqual([live.id, short.id].sort());
      clock.advance(days(1));
      // The short link has ended, and so has every guest's session.
      await t.runtime.services.guests.purgeEndedGuestSessions();
      expect(await guestRows(ids)).toHaveLength(0);
    } finally {
      clock.advance(-(days(1) + hours(1)));
    }
  });

  it('answers an unknown token with 404, a missing guest cookie with 401, and needs the CSRF header', async () => {
    const unknown = await guestRequest(t, null, {
      method: 'POST',
      url: '/api/v1/shared/session',
      payload: { token: 'x'.repeat(43) },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'share_link_invalid' });
    const noCookie = await guestRequest(t, null, { method: 'GET', url: '/api/v1/shared/view' });
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json()).toMatchObject({ code: 'guest_session_invalid' });
    const link = await createShareLink(t, w.owner, { invitationIds: [x.invitationId] });
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shared/session',
      payload: { token: link.url.split('/s/')[1] },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('audits every use of a link', async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [x.invitationId] });
    const guest = await openShareLink(t, link);
    await guestRequest(t, guest.cookie, { method: 'GET', url: '/api/v1/shared/view' });
    await guestRequest(t, guest.cookie, {
      method: 'GET',
      url: `/api/v1/shared/invitations/${x.invitationId}/review`,
    });
    const events = await t.runtime.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_user_id', 'is', null)
      .where('organisation_id', '=', w.owner.info.organisation.id)
      .execute();
    const ofLink = events.filter((e) => e.target_id === link.id || (e.details ?? '').includes(link.id));
    expect(ofLink.map((e) => e.action).sort()).toEqual([
      'review.viewed',
      'share_link.opened',
      'share_link.viewed',
    ]);
    expect(ofLink.every((e) => e.ip !== null)).toBe(true);
  });

  it('is made, listed and revoked by owners, admins and recruiters only', async () => {
    const link: CreatedShareLink = await createShareLink(t, w.owner, { invitationIds: [x.invitationId] });
    for (const call of [
      { method: 'GET' as const, url: `/api/v1/interviews/${w.interview.id}/share-links` },
      { method: 'DELETE' as const, url: `/api/v1/share-links/${link.id}` },
    ]) {
      expect((await send(t.app, w.reviewer, call)).statusCode).toBe(403);
    }
    const outsider = await signUp(t.app);
    expect(
      (await send(t.app, outsider, { method: 'DELETE', url: `/api/v1/share-links/${link.id}` })).statusCode,
    ).toBe(404);
  });
});
