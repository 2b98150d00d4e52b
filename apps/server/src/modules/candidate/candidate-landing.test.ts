import type { Accommodations, CandidateLanding, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import { inviteWithLink, openInvitationLink } from '../../../test/factories/invitations.ts';
import { signUp, type TestSession } from '../../../test/factories/session.ts';

describe('the landing page applies the candidate’s accommodations', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interview: Interview;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app);
    interview = await createInterview(t.app, owner, {
      deadlinePolicy: {
        mode: 'fixed',
        at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        timeZone: 'Europe/Madrid',
      },
    });
    await addQuestion(t.app, owner, interview.id, {
      think: { mode: 'timed', seconds: 45 },
      answerSeconds: 120,
    });
    await addQuestion(t.app, owner, interview.id, {
      answerType: 'audio',
      think: { mode: 'none' },
      answerSeconds: 60,
      takes: 1,
      startMode: 'auto',
    });
    await addQuestion(t.app, owner, interview.id, {
      answerType: 'text',
      think: { mode: 'unlimited' },
      answerSeconds: null,
      textMaxChars: 1000,
      takes: 1,
    });
  });
  afterAll(() => t.close());

  async function landingWith(accommodations: Accommodations): Promise<CandidateLanding> {
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id, { accommodations });
    const { landing } = await openInvitationLink(t.app, invitation.token);
    return landing.json<CandidateLanding>();
  }

  it('multiplies think and answer times by 2, adds extra takes and shows the accommodations', async () => {
    const landing = await landingWith({ timeMultiplier: 2, extraTakes: 1, answerFormat: null });
    expect(landing.questions).toEqual([
      {
        position: 1,
        answerType: 'video',
        think: 90,
        answerSeconds: 240,
        textMaxChars: null,
        takes: 3,
        startMode: 'ready',
      },
      {
        position: 2,
        answerType: 'audio',
        think: 'none',
        answerSeconds: 120,
        textMaxChars: null,
        takes: 2,
        startMode: 'auto',
      },
      {
        position: 3,
        answerType: 'text',
        think: null,
        answerSeconds: null,
        textMaxChars: 1000,
        takes: 2,
        startMode: 'ready',
      },
    ]);
    expect(landing.practiceQuestion).toEqual({ enabled: true, think: 60, answerSeconds: 180 });
    expect(landing.accommodationsApplied).toEqual({ timeMultiplier: 2, extraTakes: 1, answerFormat: null });
    expect(landing.deadlineTimeZone).toBe('Europe/Madrid');
  });

  it('removes every time limit when untimed, thinking included', async () => {
    const landing = await landingWith({ timeMultiplier: null, extraTakes: 0, answerFormat: null });
    expect(landing.questions.map((q) => [q.think, q.answerSeconds])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(landing.practiceQuestion).toEqual({ enabled: true, think: null, answerSeconds: null });
  });

  it('replaces video with audio, or video and audio with text, when another answer format is granted', async () => {
    const audio = await landingWith({ timeMultiplier: 1, extraTakes: 0, answerFormat: 'audio' });
    expect(audio.questions.map((q) => q.answerType)).toEqual(['audio', 'audio', 'text']);
    expect(audio.questions[0]?.answerSeconds).toBe(120);

    const text = await landingWith({ timeMultiplier: 1.5, extraTakes: 2, answerFormat: 'text' });
    expect(text.questions.map((q) => [q.answerType, q.answerSeconds, q.textMaxChars, q.takes])).toEqual([
      ['text', null, 5000, 4],
      ['text', null, 5000, 3],
      ['text', null, 1000, 3],
    ]);
    expect(text.questions[0]?.think).toBe(68);
  });
});
