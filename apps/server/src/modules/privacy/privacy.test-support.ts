// A hiring team, real recordings through the real upload path, and readers that look at every store directly:
// what a lifecycle test needs to prove that erasure leaves nothing and retention touches only what is due.
import type { Question } from '@oneway/shared';
import { sql } from 'kysely';
import { expect, vi } from 'vitest';
import { giveConsent } from '../../../test/factories/consent.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import {
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import type { CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, uniqueEmail, type TestSession } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';
import type { QueueEmailInput } from '../mail/mail.service.ts';
import { makeRecording } from '../media/media.test-support.ts';
import { openTakeOk, uploadWithTus } from '../takes/takes.test-support.ts';

/**
 * Mail as the services hand it over, still stored in the outbox as usual (so the database holds every copy the
 * product keeps, which the erasure tests look for).
 */
export function captureMailThrough(t: TestContext): CapturedMail {
  const mail = t.runtime.services.mail;
  const original = mail.queueEmail.bind(mail);
  const messages: QueueEmailInput[] = [];
  vi.spyOn(mail, 'queueEmail').mockImplementation((input) => {
    messages.push(input);
    return original(input);
  });
  const newest = (to: string, pattern: RegExp, what: string): string => {
    for (const message of [...messages].reverse()) {
      const token = message.to === to ? pattern.exec(message.text)?.[1] : undefined;
      if (token) return token;
    }
    throw new Error(`No ${what} was e-mailed to ${to}`);
  };
  return {
    messages,
    lastToken: (to, path) => newest(to, new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`), `${path} link`),
    lastLinkToken: (to) => newest(to, /\/i\/([A-Za-z0-9_-]{20,})/, 'invitation link'),
    to: (address, subject) =>
      messages.filter((m) => m.to === address && (!subject || subject.test(m.subject))),
  };
}

export interface LifecycleWorld {
  mail: CapturedMail;
  owner: TestSession;
  admin: TestSession;
  recruiter: TestSession;
  interviewId: string;
  interviewTitle: string;
  videoQuestion: Question;
  textQuestion: Question;
  organisationId: string;
}

/** An owner, an admin and a recruiter around one interview of a video question and a written one. */
export async function setUpLifecycleWorld(
  t: TestContext,
  options: { title?: string } = {},
): Promise<LifecycleWorld> {
  const mail = captureMailThrough(t);
  const owner = await signUp(t.app);
  const admin = await addMember(t.app, mail, owner, 'admin');
  const recruiter = await addMember(t.app, mail, owner, 'recruiter');
  return withInterview(t, { mail, owner, admin, recruiter }, options.title ?? 'Senior Account Executive');
}

/** Another interview of the same team, with the same two questions. */
export async function withInterview(
  t: TestContext,
  team: Pick<LifecycleWorld, 'mail' | 'owner' | 'admin' | 'recruiter'>,
  interviewTitle: string,
): Promise<LifecycleWorld> {
  const { mail, owner, admin, recruiter } = team;
  const interview = await createInterview(t.app, owner, { title: interviewTitle });
  const videoQuestion = await addQuestion(t.app, owner, interview.id, {
    promptText: 'Tell us about a deal you closed',
    answerType: 'video',
    answerSeconds: 60,
    takes: 3,
  });
  const textQuestion = await addQuestion(t.app, owner, interview.id, {
    promptText: 'Why this role?',
    answerType: 'text',
    answerSeconds: null,
    textMaxChars: 2000,
  });
  return {
    mail,
    owner,
    admin,
    recruiter,
    interviewId: interview.id,
    interviewTitle,
    videoQuestion,
    textQuestion,
    organisationId: owner.info.organisation.id,
  };
}

export interface LifecycleCandidate {
  invitationId: string;
  name: string;
  email: string;
  browser: CandidateBrowser;
  /** The takes saved for the video question, in order. */
  takeIds: string[];
  text: string;
}

let recording: Buffer | undefined;
/** One real 2-second WebM, made once per file. */
export const testRecording = (): Buffer => (recording ??= makeRecording('webm', { seconds: 2 }));

/**
 * Invites `name`, who agrees to recording, records `takes` video takes (processed unless `process: false`),
 * writes the text answer and submits (unless `submit: false`).
 */
export async function recordCandidate(
  t: TestContext,
  world: LifecycleWorld,
  options: {
    origin: string;
    name: string;
    takes?: number;
    process?: boolean;
    submit?: boolean;
    /** Stop after agreeing to recording (nothing recorded or written). */
    answer?: boolean;
    deadline?: string;
  },
): Promise<LifecycleCandidate> {
  const email = uniqueEmail(options.name.split(' ')[0]?.toLowerCase() ?? 'candidate');
  const invited = await send(t.app, world.owner, {
    method: 'POST',
    url: `/api/v1/interviews/${world.interviewId}/invitations`,
    payload: { name: options.name, email, phone: '+44 20 7946 0001', deadline: options.deadline },
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const invitationId = invited.json<{ id: string }>().id;
  const browser = await openInvitationLink(t.app, world.mail.lastLinkToken(email));
  const timeZone = await sendAsCandidate(t.app, browser, {
    method: 'PUT',
    url: '/api/v1/candidate/time-zone',
    payload: { timeZone: 'Europe/Madrid' },
  });
  expect(timeZone.statusCode, timeZone.body).toBeLessThan(300);
  await giveConsent(t.app, browser);
  if (options.answer === false)
    return { invitationId, name: options.name, email, browser, takeIds: [], text: '' };
  const candidate = { invitationId, browser, questionId: world.videoQuestion.id };
  const takeIds: string[] = [];
  for (let i = 0; i < (options.takes ?? 1); i++) {
    const take = await openTakeOk(t.app, candidate);
    await uploadWithTus(options.origin, candidate, { takeId: take.takeId, data: testRecording() });
    if (options.process !== false) {
      await t.runtime.services.media.processTake({ takeId: take.takeId, isLastAttempt: true });
    }
    takeIds.push(take.takeId);
  }
  const text = `I want this role, says ${options.name}.`;
  await sendAsCandidate(t.app, browser, {
    method: 'POST',
    url: `/api/v1/candidate/questions/${world.textQuestion.id}/reveal`,
  });
  const answered = await sendAsCandidate(t.app, browser, {
    method: 'PUT',
    url: `/api/v1/candidate/answers/${world.textQuestion.id}`,
    payload: { text },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  if (options.submit !== false) {
    const submitted = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/submit',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  return { invitationId, name: options.name, email, browser, takeIds, text };
}

/** Every object key media storage holds for the organisation, sorted. */
export async function listStoredKeys(t: TestContext, organisationId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of t.runtime.mediaStorage.listObjects(`${organisationId}/`)) keys.push(object.key);
  return keys.sort();
}

/**
 * Every `table.column` of the database whose value contains one of `needles` (case-insensitive): a grep of the
 * whole database, every table and every row, for a candidate's name or e-mail address.
 */
export async function grepDatabase(t: TestContext, needles: string[]): Promise<string[]> {
  const tables = await t.runtime.db.introspection.getTables();
  const found: string[] = [];
  const lowered = needles.map((n) => n.toLowerCase());
  for (const table of tables.filter((tb) => tb.schema === undefined || tb.schema === 'public')) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      t.runtime.db,
    );
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
        if (lowered.some((n) => text.includes(n))) found.push(`${table.name}.${column}`);
      }
    }
  }
  return [...new Set(found)].sort();
}

/** Makes a team decision on a completed candidate. */
export async function decide(t: TestContext, session: TestSession, invitationId: string): Promise<void> {
  const res = await send(t.app, session, {
    method: 'PUT',
    url: `/api/v1/invitations/${invitationId}/decision`,
    payload: { decision: 'reject', note: 'Not this time' },
  });
  expect(res.statusCode, res.body).toBe(200);
}
