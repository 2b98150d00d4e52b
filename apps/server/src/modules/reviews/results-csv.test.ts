import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../invitations/csv.ts';
import { addQuestion } from '../../../test/factories/interviews.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { completeCandidate, rate, setUpReviewWorld, type ReviewWorld } from './reviews.test-support.ts';

describe('results as CSV', () => {
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp();
    // Decisions without rating first: blind review is tested on its own (blind-review.test.ts).
    w = await setUpReviewWorld(t, { interview: { ratingsHiddenUntilRated: false } });
  });
  afterAll(() => t.close());

  const download = async () => {
    const res = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/results.csv`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('gives one row per candidate with scores, per-question averages and the decision', async () => {
    const a = await completeCandidate(t, w, {
      name: 'Avery Able',
      invite: { phone: '+44 20 7946 0000', externalId: 'ATS-1042' },
    });
    await completeCandidate(t, w, { name: 'Blake Pending', submit: false });
    await rate(t.app, w.owner, w, a.invitationId, 4);
    const put = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${a.invitationId}/ratings`,
      payload: {
        questionRatings: [
          { questionId: w.questions[0]?.id, score: 2 },
          { questionId: w.questions[1]?.id, score: 3 },
        ],
        overall: null,
      },
    });
    expect(put.statusCode).toBe(200);
    await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${a.invitationId}/decision`,
      payload: { decision: 'advance', note: 'Strong; book a call' },
    });
    const res = await download();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="results-senior-account-executive-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.body, ',').map((r) => r.fields);
    expect(header).toEqual([
      'candidate_number',
      'name',
      'email',
      'phone',
      'external_id',
      'status',
      'completed_at',
      'average_score',
      'ratings',
      'Q1 average: Question 1',
      'Q2 average: Question 2',
      'decision',
      'decision_note',
    ]);
    // Owner: 4 on each (score 4); recruiter: 2 and 3 (score 2.5). Average 3.25; per question 3 and 3.5.
    expect(rows[0]).toEqual([
      '1',
      'Avery Able',
      a.email,
      // A plain phone number keeps no apostrophe, so the file imports again as it is.
      '+44 20 7946 0000',
      'ATS-1042',
      'completed',
      expect.stringMatching(/^\d{4}-/),
      '3.25',
      '2',
      '3',
      '3.5',
      'advance',
      'Strong; book a call',
    ]);
    expect(rows[1]?.slice(1, 9)).toEqual([
      'Blake Pending',
      expect.any(String),
      '',
      '',
      'opened',
      '',
      '',
      '0',
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas, headers included', async () => {
    const added = await addQuestion(t.app, w.owner, w.interview.id, {
      promptText: '=cmd|calc!A1',
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 500,
    });
    w.questions.push(added);
    const evil = await completeCandidate(t, w, { name: '=HYPERLINK("http://evil.example","Click")' });
    await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${evil.invitationId}/decision`,
      payload: { decision: 'reject', note: '+SUM(A1:A9)' },
    });
    const { body } = await download();
    const records = parseCsv(body, ',').map((r) => r.fields);
    expect(records[0]).toContain('Q3 average: =cmd|calc!A1');
    const row = records.find((r) => r[1]?.includes('HYPERLINK'));
    expect(row?.[1]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(row?.at(-1)).toBe("'+SUM(A1:A9)");
    // Every cell but a plain phone number ("+44 20 7946 0000"), which no spreadsheet runs.
    const runnable = records.flat().filter((cell) => !/^\+\d[\d ().-]*$/.test(cell));
    for (const cell of runnable) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("gives one row per rater per candidate, with each question's score and note, for calibration", async () => {
    const c = await completeCandidate(t, w, { name: 'Casey Calibrate', invite: { externalId: 'ATS-7' } });
    await rate(t.app, w.owner, w, c.invitationId, 5, 4);
    const put = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${c.invitationId}/ratings`,
      payload: {
        questionRatings: [{ questionId: w.questions[0]?.id, score: 2, note: 'Vague about, numbers' }],
        overall: null,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/ratings-by-rater.csv`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ratings-by-rater-senior-account-executive-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(res.body, ',').map((r) => r.fields);
    expect(header?.slice(0, 10)).toEqual([
      'candidate_number',
      'name',
      'email',
      'phone',
      'external_id',
      'rater',
      'rater_type',
      'rated_at',
      'overall',
      'Q1 score: Question 1',
    ]);
    expect(header?.[10]).toBe('Q1 note');
    const mine = rows.filter((r) => r[1] === 'Casey Calibrate');
    expect(mine).toHaveLength(2);
    const byScore = (score: string) => mine.find((r) => r[9] === score);
    // The owner: 5 on every question and 4 overall; the recruiter: 2 on the first question only, with a note.
    expect(byScore('5')?.slice(2, 9)).toEqual([
      c.email,
      '',
      'ATS-7',
      expect.any(String),
      'member',
      expect.any(String),
      '4',
    ]);
    expect(byScore('2')?.slice(6, 12)).toEqual([
      'member',
      expect.any(String),
      '',
      '2',
      'Vague about, numbers',
      '',
    ]);
    expect(byScore('2')?.[5]).not.toBe(byScore('5')?.[5]);
  });

  it('refuses a member who may not review the interview, in the documented error shape', async () => {
    const res = await send(t.app, w.unassigned, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/ratings-by-rater.csv`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/not assigned/) as string,
    });
    expect(res.body).not.toContain('Casey');
  });
});
