import type { CreateInvitationInput, InvitationEventType } from '@oneway/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Runtime } from '../../src/runtime.ts';
import { inviteCandidate, type CapturedInvitationMail } from './invitation-api.ts';
import { randomIp, send, uniqueEmail, type TestSession } from './session.ts';

export interface TestInvitation {
  id: string;
  /** The link token from the invitation e-mail. */
  token: string;
  email: string;
}

/**
 * Invites a candidate through the employer API and takes the link token from the e-mail `mail` captured (install
 * captureInvitationMail first). Defaults: "Casey Candidate", the interview's deadline policy, no accommodations.
 */
export async function inviteWithLink(
  app: FastifyInstance,
  mail: CapturedInvitationMail,
  owner: TestSession,
  interviewId: string,
  overrides: Partial<CreateInvitationInput> = {},
): Promise<TestInvitation> {
  const email = (overrides.email ?? uniqueEmail('casey')).toLowerCase();
  const invitation = await inviteCandidate(app, owner, interviewId, {
    name: 'Casey Candidate',
    ...overrides,
    email,
  });
  return { id: invitation.id, token: mail.lastLinkToken(email), email };
}

/** Withdraws an invitation through the employer API. */
export async function withdrawInvitation(
  app: FastifyInstance,
  owner: TestSession,
  invitationId: string,
): Promise<void> {
  const res = await send(app, owner, { method: 'POST', url: `/api/v1/invitations/${invitationId}/withdraw` });
  if (res.statusCode !== 200) throw new Error(`Withdrawing failed with ${res.statusCode}: ${res.body}`);
}

/** A candidate's browser: the cookie their session set, sent with the header candidate pages send. */
export interface CandidateBrowser {
  cookie: string;
  landing: LightMyRequestResponse;
}

export const candidateHeaders = { 'x-requested-with': 'oneway' } as const;

/** Posts the link's token as the landing page does; fails the test unless a session starts. */
export async function openInvitationLink(app: FastifyInstance, token: string): Promise<CandidateBrowser> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/candidate/session',
    headers: candidateHeaders,
    payload: { token },
    remoteAddress: randomIp(),
  });
  if (res.statusCode !== 200)
    throw new Error(`Expected a candidate session, got ${res.statusCode}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith('oneway_candidate'));
  if (!cookie) throw new Error('No candidate cookie was set');
  return { cookie: `${cookie.name}=${cookie.value}`, landing: res };
}

/** Sends a request as the candidate (with the CSRF header unless `withoutCsrfHeader`). */
export function sendAsCandidate(
  app: FastifyInstance,
  browser: CandidateBrowser | null,
  options: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object; withoutCsrfHeader?: boolean },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: options.method,
    url: options.url,
    payload: options.payload,
    headers: {
      ...(options.withoutCsrfHeader ? {} : candidateHeaders),
      ...(browser ? { cookie: browser.cookie } : {}),
    },
    remoteAddress: randomIp(),
  });
}

/** The types on an invitation's timeline, oldest first (events of the same moment in no particular order). */
export async function eventTypesOf(runtime: Runtime, invitationId: string): Promise<InvitationEventType[]> {
  const rows = await runtime.db
    .selectFrom('invitation_events')
    .select('type')
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type as InvitationEventType);
}
