import type { InterviewRetention, PrivacySettings } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, days, hours, type TestClock } from '../../../test/factories/clock.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  decide,
  grepDatabase,
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  withInterview,
  type LifecycleCandidate,
  type LifecycleWorld,
} from './privacy.test-support.ts';

// Retention erases exactly what is due, from storage and the database, and nothing else (files listed before and
// after); runs on SQLite and, in the PostgreSQL pass, on PostgreSQL.
describe('retention: the daily job erases what is due and nothing else', { timeout: 180_000 }, () => {
  let t: TestContext;
  let clock: TestClock;
  let w: LifecycleWorld;
  let kept: LifecycleWorld;
  let origin: string;
  const c: Record<string, LifecycleCandidate> = {};

  beforeAll(async () => {
    clock = createTestClock(new Date().toISOString());
    t = await createTestApp({}, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
    kept = await withInterview(t, w, 'Keeps everything');
    c.decided = await recordCandidate(t, w, { origin, name: 'Dee Decided' });
    c.undecided = await recordCandidate(t, w, { origin, name: 'Una Undecided' });
    c.held = await recordCandidate(t, w, { origin, name: 'Hal Held' });
    // Recorded, never submitted; the deadline passes in two days.
    c.lapsed = await recordCandidate(t, w, {
      origin,
      name: 'Lee Lapsed',
      submit: false,
      deadline: new Date(clock.now().getTime() + days(2)).toISOString(),
    });
    c.keeper = await recordCandidate(t, kept, { origin, name: 'Kai Kept' });
    for (const who of [c.decided, c.held]) await decide(t, w.owner, who?.invitationId ?? '');
    await decide(t, w.owner, c.keeper?.invitationId ?? '');
    const hold = await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${c.held?.invitationId}/legal-hold`,
      payload: { reason: 'Tribunal claim' },
    });
    expect(hold.statusCode, hold.body).toBe(200);
  }, 180_000);
  afterAll(() => t.close());

  it('is set by owners and admins only: 30 days for the organisation, keep for one interview', async () => {
    const asRecruiter = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: '/api/v1/organisation/privacy',
      payload: { retention: '30', erasureWindowDays: 7 },
    });
    expect(asRecruiter.statusCode).toBe(403);
    const tooLong = await send(t.app, w.admin, {
      method: 'PUT',
      url: '/api/v1/organisation/privacy',
      payload: { retention: '30', erasureWindowDays: 31 },
    });
    expect(tooLong.statusCode).toBe(400);
    const set = await send(t.app, w.admin, {
      method: 'PUT',
      url: '/api/v1/organisation/privacy',
      payload: { retention: '30', erasureWindowDays: 14 },
    });
    expect(set.json<PrivacySettings>()).toEqual({ retention: '30', erasureWindowDays: 14 });
    const own = await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/interviews/${kept.interviewId}/retention`,
      payload: { choice: 'keep' },
    });
    expect(own.json<InterviewRetention>()).toMatchObject({
      choice: 'keep',
      organisationDefault: '30',
      effectiveDays: null,
    });
  });

  it('shows on the interview page what will be erased and when', async () => {
    const res = await send(t.app, w.recruiter, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interviewId}/retention`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<InterviewRetention>();
    const inDays = (n: number) => new Date(clock.now().getTime() + days(n)).toISOString();
    expect(plan).toMatchObject({ choice: 'organisation', effectiveDays: 30, erasedCount: 0, openCount: 2 });
    expect(plan.planned, JSON.stringify(plan.planned)).toEqual([
      expect.objectContaining({
        name: 'Dee Decided',
        eraseAt: inDays(30),
        eraseReason: 'retention',
        legalHold: false,
      }),
      expect.objectContaining({ name: 'Hal Held', eraseAt: inDays(30), legalHold: true }),
    ]);
  });

  it('erases nothing before it is due', async () => {
    const before = await listStoredKeys(t, w.organisationId);
    clock.advance(days(29));
    expect(await t.runtime.services.retention.runDueErasures()).toEqual({ resumed: 0, erased: 0, held: 0 });
    expect(await listStoredKeys(t, w.organisationId)).toEqual(before);
  });

  it('erases the decided candidate and the one whose deadline passed, and keeps the undecided, the held and the kept', async () => {
    clock.advance(days(3) + hours(1));
    const before = await listStoredKeys(t, w.organisationId);
    const folderOf = (who: LifecycleCandidate | undefined) => `${w.organisationId}/${who?.invitationId}/`;
    const due = [c.decided, c.lapsed].map(folderOf);
    expect(before.filter((k) => due.some((f) => k.startsWith(f)))).toHaveLength(6);
    expect(await t.runtime.services.retention.runDueErasures()).toEqual({ resumed: 0, erased: 2, held: 1 });
    expect(await listStoredKeys(t, w.organisationId)).toEqual(
      before.filter((k) => !due.some((f) => k.startsWith(f))),
    );
    for (const who of [c.decided, c.lapsed]) {
      expect(await grepDatabase(t, [who?.email ?? '-', who?.name ?? '-'])).toEqual([]);
    }
    for (const who of [c.undecided, c.held, c.keeper]) {
      expect(await grepDatabase(t, [who?.email ?? '-'])).toContain('invitations.candidate_email');
    }
    const records = await t.runtime.db
      .selectFrom('candidate_erasures')
      .select(['invitation_id', 'reason', 'invitation_status', 'actor_user_id'])
      .orderBy('invitation_status')
      .execute();
    expect(records).toEqual([
      {
        invitation_id: c.decided?.invitationId,
        reason: 'retention',
        invitation_status: 'completed',
        actor_user_id: null,
      },
      {
        invitation_id: c.lapsed?.invitationId,
        reason: 'retention',
        invitation_status: 'started',
        actor_user_id: null,
      },
    ]);
    // A second run finds nothing more to do.
    expect(await t.runtime.services.retention.runDueErasures()).toEqual({ resumed: 0, erased: 0, held: 1 });
  });
});
