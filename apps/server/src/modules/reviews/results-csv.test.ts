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
    const a = await completeCandidate(t, w, { name: 'Avery Able' });
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
      'completed',
      expect.stringMatching(/^\d{4}-/),
      '3.25',
      '2',
      '3',
      '3.5',
      'advance',
      'Strong; book a call',
    ]);
    expect(rows[1]?.slice(1, 7)).toEqual(['Blake Pending', expect.any(String), 'opened', '', '', '0']);
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
    for (const record of records) {
      for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
