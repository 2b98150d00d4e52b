import type { EmailTemplate } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  addQuestion,
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
} from '../../../test/factories/interviews.ts';
import { captureInvitationMail, inviteCandidate } from '../../../test/factories/invitation-api.ts';
import type { CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

const wording = {
  subject: '{{companyName}}: your interview for {{roleTitle}}',
  text: 'Hi {{candidateFirstName}}, we would love to hear from you.\n\n{{link}}\n\nBefore {{deadline}}.',
};

describe("the organisation's wording of its e-mails", () => {
  let t: TestContext;
  let mail: CapturedMail;
  let owner: TestSession;
  let recruiter: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Northwind' });
    recruiter = await addMember(t.app, mail, owner, 'recruiter');
  });
  afterAll(() => t.close());

  const url = (language: string, kind?: string, action?: string) =>
    `/api/v1/organisation/email-templates/${language}${kind ? `/${kind}` : ''}${action ? `/${action}` : ''}`;
  const listOf = async (session: TestSession, path: string) => {
    const res = await send(t.app, session, { method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ templates: EmailTemplate[] }>().templates;
  };
  const invitationOf = (templates: EmailTemplate[]) => templates.find((x) => x.kind === 'invitation');

  it('starts with the built-in wording in each language', async () => {
    const english = await listOf(recruiter, url('en'));
    expect(english.map((x) => [x.source, x.customised])).toEqual(english.map(() => ['built_in', false]));
    expect(invitationOf(await listOf(owner, url('es')))?.subject).toContain('Tu entrevista en vídeo');
  });

  it('is what every interview in the language sends, unless the interview has its own', async () => {
    const saved = await send(t.app, owner, { method: 'PUT', url: url('en', 'invitation'), payload: wording });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<EmailTemplate>()).toMatchObject({ source: 'organisation', customised: true });

    const english = await createInterviewWithQuestions(t.app, owner, 1);
    const listed = invitationOf(await listOf(owner, `/api/v1/interviews/${english.id}/email-templates`));
    expect(listed).toMatchObject({ source: 'organisation', customised: false, subject: wording.subject });
    await inviteCandidate(t.app, owner, english.id, {
      name: 'Ana María López',
      email: 'ana.org@example.com',
    });
    const [message] = mail.to('ana.org@example.com');
    expect(message?.subject).toBe(`Northwind: your interview for ${english.roleTitle}`);
    expect(message?.text).toMatch(/^Hi Ana, we would love to hear from you\./);

    // A Spanish interview keeps the built-in Spanish wording: the organisation reworded only the English one.
    const spanish = await createInterview(t.app, owner, { language: 'es' });
    await addQuestion(t.app, owner, spanish.id, { promptText: '¿Por qué este puesto?' });
    await inviteCandidate(t.app, owner, spanish.id, { name: 'Luis', email: 'luis.org@example.com' });
    expect(mail.to('luis.org@example.com')[0]?.subject).toContain('Tu entrevista en vídeo');

    // An interview's own wording wins over the organisation's.
    const own = await createInterviewWithQuestions(t.app, owner, 1);
    const mine = { subject: 'Only for this one', text: 'Hello {{candidateName}}: {{link}}' };
    await send(t.app, owner, {
      method: 'PUT',
      url: `/api/v1/interviews/${own.id}/email-templates/invitation`,
      payload: mine,
    });
    await inviteCandidate(t.app, owner, own.id, { name: 'Olu', email: 'olu.org@example.com' });
    expect(mail.to('olu.org@example.com')[0]?.subject).toBe('Only for this one');
    expect(invitationOf(await listOf(owner, `/api/v1/interviews/${own.id}/email-templates`))).toMatchObject({
      source: 'interview',
      customised: true,
    });
  });

  it('previews and test-sends a draft for an example candidate, to the member who asks', async () => {
    const preview = await send(t.app, owner, {
      method: 'POST',
      url: url('en', 'reminder', 'preview'),
      payload: wording,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ subject: string; text: string }>()).toMatchObject({
      subject: 'Northwind: your interview for Account executive',
      text: expect.stringMatching(/^Hi Alex, [\s\S]*Your data: /) as unknown,
    });
    const test = await send(t.app, owner, {
      method: 'POST',
      url: url('en', 'reminder', 'test'),
      payload: wording,
    });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toEqual({ to: owner.info.user.email });
    expect(mail.to(owner.info.user.email, /^\[Test\] Northwind: your interview/)).toHaveLength(1);
  });

  it('is changed by owners and admins only, and refuses bad wording naming the field', async () => {
    const byRecruiter = await send(t.app, recruiter, {
      method: 'PUT',
      url: url('en', 'reminder'),
      payload: wording,
    });
    expect(byRecruiter.statusCode).toBe(403);
    const unknown = await send(t.app, owner, {
      method: 'PUT',
      url: url('en', 'reminder'),
      payload: { subject: 'Hi {{salary}}', text: 'x' },
    });
    expectFieldRefused(unknown, 'subject');
    expect(unknown.body).toContain('{{salary}}');
    expect((await send(t.app, owner, { method: 'GET', url: url('fr') })).statusCode).toBe(400);
    expect(
      (await send(t.app, owner, { method: 'PUT', url: url('en', 'nonsense'), payload: wording })).statusCode,
    ).toBe(400);
    // Nothing half saved: the reminder is still the built-in one.
    expect((await listOf(owner, url('en'))).find((x) => x.kind === 'reminder')?.source).toBe('built_in');
  });

  it('belongs to this organisation only, and goes back to the built-in wording on request', async () => {
    const other = await signUp(t.app);
    expect(invitationOf(await listOf(other, url('en')))?.source).toBe('built_in');
    const reset = await send(t.app, owner, { method: 'DELETE', url: url('en', 'invitation') });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json<EmailTemplate>()).toMatchObject({ source: 'built_in', customised: false });
    const english = await createInterviewWithQuestions(t.app, owner, 1);
    await inviteCandidate(t.app, owner, english.id, { name: 'Bea', email: 'bea.org@example.com' });
    expect(mail.to('bea.org@example.com')[0]?.subject).toContain('Your video interview with Northwind');
  });
});
