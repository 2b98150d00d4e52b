import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Question } from '@oneway/shared';
import { expect } from 'vitest';
import { giveConsent } from '../../../test/factories/consent.ts';
import { addQuestion } from '../../../test/factories/interviews.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { uniqueEmail } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';
import { openTakeOk, uploadWithTus, type Candidate } from '../takes/takes.test-support.ts';
import type { ReviewWorld } from '../reviews/reviews.test-support.ts';

/** A two-second H.264/AAC MP4 with faststart, as Safari records and as processing makes. */
export function makeMp4(): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-mp4-'));
  const file = path.join(dir, 'out.mp4');
  try {
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=15:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-c:a', 'aac'],
      ...['-movflags', '+faststart', file],
    ]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Adds a video question to the world's interview (before candidates are invited). */
export async function addVideoQuestion(t: TestContext, world: ReviewWorld): Promise<Question> {
  const question = await addQuestion(t.app, world.owner, world.interview.id, {
    promptText: 'Show us a demo',
    answerType: 'video',
    answerSeconds: 60,
    takes: 2,
  });
  world.questions.push(question);
  return question;
}

export interface RecordedCandidate {
  invitationId: string;
  takeId: string;
  /** A practice take of the same candidate, as older versions uploaded them: never an answer, never playable. */
  practiceTakeId: string;
  candidate: Candidate;
}

/**
 * The real path of a video answer: the candidate opens a take, streams the recording with tus, the upload becomes
 * the question's answer, processing runs (ffmpeg) unless `process: false`, and the candidate submits.
 */
export async function recordVideoAnswer(
  t: TestContext,
  world: ReviewWorld,
  options: { origin: string; recording: Buffer; videoQuestion: Question; process?: boolean },
): Promise<RecordedCandidate> {
  const invitation = await inviteWithLink(t.app, world.mail, world.owner, world.interview.id, {
    name: 'Val Video',
    email: uniqueEmail('video'),
  });
  const browser = await openInvitationLink(t.app, invitation.token);
  await giveConsent(t.app, browser);
  const candidate: Candidate = { invitationId: invitation.id, browser, questionId: options.videoQuestion.id };
  const practice = await insertLegacyPracticeTake(t, invitation.id);
  const take = await openTakeOk(t.app, candidate);
  await uploadWithTus(options.origin, candidate, { takeId: take.takeId, data: options.recording });
  if (options.process !== false) {
    await t.runtime.services.media.processTake({ takeId: take.takeId, isLastAttempt: true });
  }
  for (const question of world.questions.filter((q) => q.answerType === 'text')) {
    const res = await sendAsCandidate(t.app, browser, {
      method: 'PUT',
      url: `/api/v1/candidate/answers/${question.id}`,
      payload: { text: 'A written answer' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const submitted = await sendAsCandidate(t.app, browser, {
    method: 'POST',
    url: '/api/v1/candidate/submit',
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { invitationId: invitation.id, takeId: take.takeId, practiceTakeId: practice, candidate };
}

/**
 * A saved practice take as versions before 2026-12 stored them (practice is now refused at the API and never
 * uploaded); the one-off takes.practice-purge job deletes such rows.
 */
export async function insertLegacyPracticeTake(t: TestContext, invitationId: string): Promise<string> {
  const invitation = await t.runtime.db
    .selectFrom('invitations')
    .select('organisation_id')
    .where('id', '=', invitationId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await t.runtime.db
    .insertInto('takes')
    .values({
      id,
      invitation_id: invitationId,
      organisation_id: invitation.organisation_id,
      question_id: 'practice',
      is_practice: 1,
      take_number: 1,
      status: 'uploaded',
      upload_id: null,
      storage_key: `${invitation.organisation_id}/${invitationId}/${id}.bin`,
      mime: 'video/webm',
      bytes: 0,
      sha256: null,
      counts_against_limit: 1,
      failure_reason: null,
      created_at: new Date().toISOString(),
      uploaded_at: new Date().toISOString(),
    })
    .execute();
  return id;
}
