import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/runtime.ts';
import { addQuestion, createInterview, expectFieldRefused } from '../../test/factories/interviews.ts';
import { captureInvitationMail } from '../../test/factories/invitation-api.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../test/factories/invitations.ts';
import { send, signUp, type TestSession } from '../../test/factories/session.ts';
import { AppError } from '../errors.ts';
import { registerTextInputCheck } from './text-input.ts';

// Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL, which refuses U+0000 in text with a 500 of its own.
describe('control characters in text fields', () => {
  let t: TestContext;
  let owner: TestSession;
  let interviewId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    interviewId = (await createInterview(t.app, owner)).id;
  });
  afterAll(() => t.close());

  it('refuses a NUL byte in a candidate link holder’s request with 400 naming the field', async () => {
    const mail = captureInvitationMail(t.runtime);
    await addQuestion(t.app, owner, interviewId);
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const browser = await openInvitationLink(t.app, invitation.token);
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/requests',
      payload: { kind: 'extension', days: 2, reason: 'Travelling\u0000 this week' },
    });
    expectFieldRefused(res, 'reason');
    expect(res.json<{ details: { fields: { message: string }[] } }>().details.fields[0]?.message).toContain(
      'U+0000',
    );
    const stored = await t.runtime.db.selectFrom('invitation_requests').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('refuses control characters in nested fields, keys and the query string, and names each', async () => {
    const question = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/questions`,
      payload: { promptText: 'Tell us\u0007 more', answerType: 'text', textMaxChars: 500 },
    });
    expectFieldRefused(question, 'promptText');

    const search = await send(t.app, owner, {
      method: 'GET',
      url: `/api/v1/interviews/${interviewId}/invitations?q=ada%00`,
    });
    expectFieldRefused(search, 'q');

    const title = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Sales\u009b lead', roleTitle: 'Sales\u007f' },
    });
    expectFieldRefused(title, 'title');
    expectFieldRefused(title, 'roleTitle');
  });

  it('keeps tabs and line breaks in multi-line text', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/questions`,
      payload: {
        promptText: 'First line\r\n\tSecond line',
        answerType: 'text',
        textMaxChars: 500,
        think: { mode: 'none' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ promptText: string }>().promptText).toBe('First line\r\n\tSecond line');
  });

  it('refuses a line break inside a name, a single-line field', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/invitations`,
      payload: { name: 'Ada\nLovelace', email: 'ada-one-line@example.com' },
    });
    expectFieldRefused(res, 'name');
  });

  it('is not attached to the tus routes, whose bodies are bytes: their PATCH pays nothing for it', async () => {
    // With the check attached, the NUL in the query would answer validation_failed before the upload is looked up.
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/uploads/0123456789abcdef0123456789abcdef?note=%00',
      headers: {
        'x-requested-with': 'oneway',
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      payload: Buffer.from([0, 1, 2]),
    });
    expect(res.statusCode).not.toBe(400);
    expect(res.body).not.toContain('validation_failed');
  });
});

describe('registerTextInputCheck', () => {
  it('leaves a route marked rawBody alone and checks the others', async () => {
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) =>
      reply.status(error instanceof AppError ? error.status : 500).send(),
    );
    registerTextInputCheck(app);
    app.post('/text', async (request) => request.body);
    app.post('/bytes', { config: { rawBody: true } }, async (request) => request.body);
    const payload = { note: 'a\u0000b' };
    expect((await app.inject({ method: 'POST', url: '/text', payload })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/bytes', payload })).statusCode).toBe(200);
    await app.close();
  });
});
