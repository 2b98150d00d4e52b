import { builtInQuestionDefaults, type QuestionDefaults } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

const url = '/api/v1/organisation/question-defaults';
const ours: QuestionDefaults = {
  answerType: 'audio',
  think: { mode: 'unlimited' },
  answerSeconds: 90,
  textMaxChars: 600,
  takes: 3,
  startMode: 'auto',
};

describe("the organisation's rules for new questions", () => {
  let t: TestContext;
  let owner: TestSession;
  let recruiter: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    recruiter = await addMember(t.app, captureMail(t.runtime), owner, 'recruiter');
  });
  afterAll(() => t.close());

  const read = async (session: TestSession) => {
    const res = await send(t.app, session, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<QuestionDefaults>();
  };

  it('starts with the built-in rules', async () => {
    expect(await read(owner)).toEqual(builtInQuestionDefaults);
  });

  it('keeps what an owner sets, for every member to read, and only for this organisation', async () => {
    const res = await send(t.app, owner, { method: 'PUT', url, payload: ours });
    expect(res.statusCode, res.body).toBe(200);
    expect(await read(recruiter)).toEqual(ours);
    expect(await read(await signUp(t.app))).toEqual(builtInQuestionDefaults);
  });

  it('refuses a recruiter, and bad rules naming the field, keeping what was saved', async () => {
    const refused = await send(t.app, recruiter, { method: 'PUT', url, payload: builtInQuestionDefaults });
    expect(refused.statusCode).toBe(403);
    expectFieldRefused(
      await send(t.app, owner, { method: 'PUT', url, payload: { ...ours, takes: 0 } }),
      'takes',
    );
    expectFieldRefused(
      await send(t.app, owner, { method: 'PUT', url, payload: { ...ours, answerSeconds: 5 } }),
      'answerSeconds',
    );
    const { textMaxChars: _left, ...missing } = ours;
    expectFieldRefused(await send(t.app, owner, { method: 'PUT', url, payload: missing }), 'textMaxChars');
    expect(await read(owner)).toEqual(ours);
  });

  it('goes back to the built-in rules on request', async () => {
    const res = await send(t.app, owner, { method: 'DELETE', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(await read(recruiter)).toEqual(builtInQuestionDefaults);
  });
});
