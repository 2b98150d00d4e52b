import type { EmailTemplate, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
} from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  inviteCandidate,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe("an interview's e-mail templates", () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interview: Interview;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Smith & <Sons>' });
    interview = await createInterviewWithQuestions(t.app, owner, 1);
  });
  afterAll(() => t.close());

  const url = (kind?: string) =>
    `/api/v1/interviews/${interview.id}/email-templates${kind ? `/${kind}` : ''}`;
  const list = async (id = interview.id) =>
    (await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${id}/email-templates` })).json<{
      templates: EmailTemplate[];
      placeholders: string[];
    }>();

  it('lists the built-in wording of every kind in the interview language, none customised', async () => {
    const body = await list();
    expect(body.templates.map((t) => [t.kind, t.customised])).toEqual([
      ['invitation', false],
      ['reminder', false],
      ['deadline_extended', false],
      ['completion_candidate', false],
      ['completion_team', false],
      ['outcome_advance', false],
      ['outcome_hold', false],
      ['outcome_reject', false],
    ]);
    expect(body.placeholders).toContain('candidateName');
    const spanish = await createInterview(t.app, owner, { language: 'es' });
    expect((await list(spanish.id)).templates[0]?.subject).toContain('Tu entrevista en vídeo');
  });

  it('uses a customised template, escaping every value in the HTML part', async () => {
    const res = await send(t.app, owner, {
      method: 'PUT',
      url: url('invitation'),
      payload: {
        subject: '{{companyName}} wants to hear from you',
        text: 'Hi {{ candidateName }}, start here: {{link}} before {{deadline}}.',
        html: '<p>Hi {{candidateName}}</p><p><a href="{{link}}">Start</a> ({{companyName}})</p>',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EmailTemplate>()).toMatchObject({ kind: 'invitation', customised: true });
    await inviteCandidate(t.app, owner, interview.id, { name: '<b>Eve</b> "x"', email: 'eve@example.com' });
    const [message] = mail.to('eve@example.com');
    expect(message?.subject).toBe('Smith & <Sons> wants to hear from you');
    expect(message?.text).toMatch(
      /^Hi <b>Eve<\/b> "x", start here: http:\/\/localhost:3000\/i\/[\w-]+ before /,
    );
    expect(message?.html).toContain('<p>Hi &lt;b&gt;Eve&lt;/b&gt; &quot;x&quot;</p>');
    expect(message?.html).toContain('(Smith &amp; &lt;Sons&gt;)');
    expect(message?.html).not.toContain('<b>Eve</b>');
  });

  it('greets by first name with {{candidateFirstName}}, in the e-mail and in its preview', async () => {
    const other = await createInterviewWithQuestions(t.app, owner, 1);
    const wording = {
      subject: 'Hi {{candidateFirstName}}',
      text: 'Dear {{ candidateFirstName }}, start: {{link}}',
    };
    const preview = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${other.id}/email-templates/invitation/preview`,
      payload: wording,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ subject: string }>().subject).toBe('Hi Alex');
    const saved = await send(t.app, owner, {
      method: 'PUT',
      url: `/api/v1/interviews/${other.id}/email-templates/invitation`,
      payload: wording,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await inviteCandidate(t.app, owner, other.id, {
      name: '  Ana María López ',
      email: 'ana.first@example.com',
    });
    const [message] = mail.to('ana.first@example.com');
    expect(message?.subject).toBe('Hi Ana');
    expect(message?.text).toMatch(/^Dear Ana, start: http/);
    expect(message?.html).toContain('Dear Ana, start:');
  });

  it('escapes values in the HTML made from the built-in text too', async () => {
    await inviteCandidate(t.app, owner, (await createInterviewWithQuestions(t.app, owner, 1)).id, {
      name: '<script>alert(1)</script>',
      email: 'script@example.com',
    });
    const [message] = mail.to('script@example.com');
    expect(message?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message?.html).not.toContain('<script>');
    expect(message?.html).toMatch(
      /<a href="http:\/\/localhost:3000\/i\/[\w-]+"[^>]*>Open your interview<\/a>/,
    );
  });

  it('refuses an unknown placeholder, naming it and the field', async () => {
    const res = await send(t.app, owner, {
      method: 'PUT',
      url: url('reminder'),
      payload: { subject: 'Hi {{firstName}}', text: 'Hello {{candidateName}} {{salary}}' },
    });
    expectFieldRefused(res, 'subject');
    expectFieldRefused(res, 'text');
    expect(res.body).toContain('{{firstName}}');
    expect(res.body).toContain('{{salary}}');
    expectFieldRefused(
      await send(t.app, owner, { method: 'PUT', url: url('reminder'), payload: { subject: '', text: 'x' } }),
      'subject',
    );
    expect(
      (
        await send(t.app, owner, {
          method: 'PUT',
          url: url('nonsense'),
          payload: { subject: 'a', text: 'b' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('resets a template to the built-in wording', async () => {
    const res = await send(t.app, owner, { method: 'DELETE', url: url('invitation') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EmailTemplate>()).toMatchObject({
      customised: false,
      subject: 'Your video interview with {{companyName}}: {{interviewTitle}}',
    });
    expect((await list()).templates.every((t) => !t.customised)).toBe(true);
  });
});
