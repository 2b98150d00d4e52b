import type { Question } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { addMember } from '../../../test/factories/member.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

const rubric = {
  criteria: [
    {
      name: 'Clarity',
      levels: { '1': 'Vague', '2': 'Thin', '3': 'Clear', '4': 'Specific', '5': 'Concrete' },
    },
  ],
};

describe("giving every question one question's rules", () => {
  let t: TestContext;
  let owner: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  /** Q1 video (the source), Q2 video, Q3 audio, Q4 text, Q5 text; each with rules of its own. */
  async function interviewWithMixedQuestions() {
    const interview = await createInterview(t.app, owner);
    const add = (input: Parameters<typeof addQuestion>[3]) => addQuestion(t.app, owner, interview.id, input);
    const questions = [
      await add({
        promptText: 'Source',
        answerSeconds: 120,
        think: { mode: 'timed', seconds: 45 },
        takes: 3,
        startMode: 'auto',
      }),
      await add({ promptText: 'Video two', answerSeconds: 60, rubric }),
      await add({ promptText: 'Audio three', answerType: 'audio', answerSeconds: 90 }),
      await add({ promptText: 'Text four', answerType: 'text', answerSeconds: null, textMaxChars: 500 }),
      await add({
        promptText: 'Text five',
        answerType: 'text',
        answerSeconds: null,
        textMaxChars: 2000,
        think: { mode: 'unlimited' },
      }),
    ];
    return { interview, questions };
  }

  const apply = (session: TestSession, interviewId: string, questionId: string) =>
    send(t.app, session, {
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/questions/${questionId}/apply-rules-to-all`,
    });
  const rulesOf = (q: Question | undefined) => ({
    type: q?.answerType,
    think: q?.think,
    answerSeconds: q?.answerSeconds,
    textMaxChars: q?.textMaxChars,
    takes: q?.takes,
    startMode: q?.startMode,
  });

  it('copies think time, takes and start mode to all, and the answer time to recorded questions only', async () => {
    const { interview, questions } = await interviewWithMixedQuestions();
    const res = await apply(owner, interview.id, questions[0]?.id ?? '');
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<{ questions: Question[] }>().questions;
    const shared = { think: { mode: 'timed', seconds: 45 }, takes: 3, startMode: 'auto' };
    expect(after.map(rulesOf)).toEqual([
      { type: 'video', answerSeconds: 120, textMaxChars: null, ...shared },
      { type: 'video', answerSeconds: 120, textMaxChars: null, ...shared },
      { type: 'audio', answerSeconds: 120, textMaxChars: null, ...shared },
      { type: 'text', answerSeconds: null, textMaxChars: 500, ...shared },
      { type: 'text', answerSeconds: null, textMaxChars: 2000, ...shared },
    ]);
    // Prompts and rubrics are the questions' own.
    expect(after.map((q) => q.promptText)).toEqual(questions.map((q) => q.promptText));
    expect(after[1]?.rubric).toEqual(rubric);
    // And they are stored, not only answered.
    const stored = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(stored.json<{ questions: Question[] }>().questions.map(rulesOf)).toEqual(after.map(rulesOf));
  });

  it('copies the character limit from a written question to the other written ones only', async () => {
    const { interview, questions } = await interviewWithMixedQuestions();
    const res = await apply(owner, interview.id, questions[4]?.id ?? '');
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<{ questions: Question[] }>().questions;
    expect(after.map((q) => [q.answerSeconds, q.textMaxChars, q.think.mode])).toEqual([
      [120, null, 'unlimited'],
      [60, null, 'unlimited'],
      [90, null, 'unlimited'],
      [null, 2000, 'unlimited'],
      [null, 2000, 'unlimited'],
    ]);
  });

  it('refuses another organisation and a reviewer, changing nothing', async () => {
    const { interview, questions } = await interviewWithMixedQuestions();
    const stranger = await signUp(t.app);
    const foreign = await apply(stranger, interview.id, questions[0]?.id ?? '');
    expect(foreign.statusCode).toBe(404);
    const reviewer = await addMember(t.app, captureMail(t.runtime), owner, 'reviewer');
    const refused = await apply(reviewer, interview.id, questions[0]?.id ?? '');
    expect(refused.statusCode).toBe(403);
    const missing = await apply(owner, interview.id, 'no-such-question');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
    const stored = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(stored.json<{ questions: Question[] }>().questions.map((q) => q.answerSeconds)).toEqual([
      120,
      60,
      90,
      null,
      null,
    ]);
  });
});
