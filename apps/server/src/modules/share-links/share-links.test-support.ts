import type { CreateShareLinkInput, CreatedShareLink, GuestView } from '@oneway/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { randomIp, send, type TestSession } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';

/** Makes a share link through the API; fails the test unless it is made. */
export async function createShareLink(
  t: TestContext,
  session: TestSession,
  input: CreateShareLinkInput,
): Promise<CreatedShareLink> {
  const res = await send(t.app, session, { method: 'POST', url: '/api/v1/share-links', payload: input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedShareLink>();
}

/** A request from a signed-out browser holding (or not) a guest cookie, with the header guest pages send. */
export function guestRequest(
  t: TestContext,
  cookie: string | null,
  options: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object },
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    ...options,
    headers: { 'x-requested-with': 'oneway', ...(cookie ? { cookie } : {}) },
    remoteAddress: randomIp(),
  });
}

/** Opens the link as the guest's page does (posting the token from `/s/<token>`); returns their cookie and view. */
export async function openShareLink(
  t: TestContext,
  link: CreatedShareLink,
): Promise<{ cookie: string; view: GuestView }> {
  const token = link.url.split('/s/')[1] ?? '';
  const res = await guestRequest(t, null, {
    method: 'POST',
    url: '/api/v1/shared/session',
    payload: { token },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name.endsWith('oneway_guest'));
  expect(cookie?.httpOnly).toBe(true);
  return { cookie: `${cookie?.name ?? ''}=${cookie?.value ?? ''}`, view: res.json<GuestView>() };
}
