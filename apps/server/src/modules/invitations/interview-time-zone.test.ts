import type { Interview, InvitationImportPreview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../test/factories/clock.ts';
import { addQuestion, createInterview, expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

/** One rule for every deadline typed for an interview: it is read in the interview's time zone. */
describe("the interview's time zone", () => {
  const clock = createTestClock('2026-03-02T09:00:00.000Z');
  let t: TestContext;
  let owner: TestSession;
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  const preview = async (interviewId: string, csv: string) => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/invitations/import/preview`,
      payload: { csv },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<InvitationImportPreview>();
  };

  it('is set and shown with the interview, and a name that is not a time zone is refused', async () => {
    const interview = await createInterview(t.app, owner, { timeZone: 'America/New_York' });
    expect(interview.timeZone).toBe('America/New_York');
    const changed = await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      payload: { timeZone: 'Europe/Madrid' },
    });
    expect(changed.json<Interview>().timeZone).toBe('Europe/Madrid');
    const bad = await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      payload: { timeZone: 'Mars/Olympus' },
    });
    expectFieldRefused(bad, 'timeZone');
    expect((await createInterview(t.app, owner)).timeZone).toBe('UTC');
  });

  it('reads CSV deadlines without an offset in the interview’s time zone, also with a relative deadline', async () => {
    const interview = await createInterview(t.app, owner, { timeZone: 'America/New_York' });
    await addQuestion(t.app, owner, interview.id);
    const { valid, errors } = await preview(
      interview.id,
      [
        'name,email,deadline',
        'Ada Lovelace,ada@example.com,2026-03-20 17:30',
        'Alan Turing,alan@example.com,2026-03-20',
        'Grace Hopper,grace@example.com,2026-03-20T17:30:00Z',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    // New York is on daylight time (UTC-4) from 8 March 2026.
    expect(valid.map((r) => r.deadline)).toEqual([
      '2026-03-20T21:30:00.000Z',
      '2026-03-21T03:59:00.000Z',
      '2026-03-20T17:30:00.000Z',
    ]);
  });

  it('takes a fixed deadline’s zone as the interview’s when none is given', async () => {
    const interview = await createInterview(t.app, owner, {
      deadlinePolicy: { mode: 'fixed', at: '2026-04-01T15:00:00.000Z', timeZone: 'Asia/Tokyo' },
    });
    expect(interview.timeZone).toBe('Asia/Tokyo');
  });
});
