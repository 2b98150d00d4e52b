import type { CreateInvitationInput, Invitation } from '@oneway/shared';
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import type { EnqueueOptions } from '../../src/jobs/queue.ts';
import type { TestClock } from './clock.ts';
import type { Runtime } from '../../src/runtime.ts';
import { captureMail, type CapturedMail } from './mail.ts';
import { send, uniqueEmail, type TestSession } from './session.ts';

/** Invites a candidate through the API as `session`; fails the test unless the invitation is created. */
export async function inviteCandidate(
  app: FastifyInstance,
  session: TestSession,
  interviewId: string,
  overrides: Partial<CreateInvitationInput> = {},
): Promise<Invitation> {
  const res = await send(app, session, {
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/invitations`,
    payload: { name: 'Ada Lovelace', email: uniqueEmail('candidate'), ...overrides },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Invitation>();
}

/** Candidate-link mail capture: the same capture as accounts use (one spy can serve both). */
export type CapturedInvitationMail = CapturedMail;
export const captureInvitationMail = captureMail;

export interface CapturedJob {
  name: string;
  payload: Record<string, unknown>;
  options: EnqueueOptions;
}

/** Records every job enqueued (they are still stored as usual). */
export function captureJobs(runtime: Runtime): CapturedJob[] {
  const jobs: CapturedJob[] = [];
  const enqueue = runtime.queue.enqueue.bind(runtime.queue);
  vi.spyOn(runtime.queue, 'enqueue').mockImplementation(async (name, payload, options = {}) => {
    jobs.push({ name, payload: payload as Record<string, unknown>, options });
    await enqueue(name, payload, options);
  });
  return jobs;
}

/** A CSV of `count` distinct candidates, header included. */
export function buildCandidatesCsv(count: number, prefix = 'csv'): string {
  const rows = Array.from({ length: count }, (_, i) => `Candidate ${i + 1},${uniqueEmail(`${prefix}${i}`)}`);
  return ['name,email', ...rows].join('\n');
}

/** Runs the `invitation.announce` jobs captured so far (and forgets them), as a worker would. */
export async function runAnnounceJobs(runtime: Runtime, jobs: CapturedJob[]): Promise<void> {
  const announce = jobs.filter((j) => j.name === 'invitation.announce');
  jobs.splice(0, jobs.length, ...jobs.filter((j) => j.name !== 'invitation.announce'));
  for (const job of announce) {
    await runtime.services.invitations.announceImportedInvitations(
      job.payload as { invitationIds: string[]; actorUserId: string | null },
    );
  }
}

/**
 * A clock that moves on a millisecond each time it is read, so events recorded one after another sort in that
 * order (a clock that stands still gives them all one timestamp).
 */
export function createTickingClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let now = Date.parse(start);
  return {
    now: () => new Date((now += 1)),
    advance(ms) {
      now += ms;
    },
  };
}
