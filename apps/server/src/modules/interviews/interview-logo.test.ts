import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CandidateLanding, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, sendWithKey } from '../../../test/factories/api-keys.ts';
import { captureInvitationMail } from '../../../test/factories/invitation-api.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { putRaw, tinyPng } from '../../../test/factories/logo.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

/** The first bytes of a JPEG and some filler: enough for the type check, which reads only the signature. */
const tinyJpeg = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 7)]);

describe('interview logo', () => {
  let t: TestContext;
  let owner: TestSession;
  let interview: Interview;
  let mail: ReturnType<typeof captureInvitationMail>;

  const logoUrl = (id = interview.id) => `/api/v1/interviews/${id}/logo`;
  const upload = (body: Buffer | string, contentType = 'image/png', session = owner, id = interview.id) =>
    putRaw(t.app, session, { url: logoUrl(id), contentType, body });
  const storedKey = async (id = interview.id): Promise<string | null> => {
    const row = await t.runtime.db
      .selectFrom('interviews')
      .select('logo_key')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.logo_key;
  };
  const isStored = (key: string): boolean =>
    existsSync(path.join(t.runtime.config.mediaDir, ...key.split('/')));

  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Logo Org' });
    interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
  });
  afterAll(() => t.close());

  it('stores an uploaded PNG and gives it back byte for byte to members and the candidate', async () => {
    const res = await upload(tinyPng());
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json<Interview>();
    expect(updated.logoUrl).toMatch(new RegExp(`^/api/v1/interviews/${interview.id}/logo\\?v=`));
    const key = await storedKey();
    expect(key).toMatch(
      new RegExp(`^${owner.info.organisation.id}/branding/${interview.id}-[0-9a-f]+\\.png$`),
    );

    const asMember = await send(t.app, owner, { method: 'GET', url: updated.logoUrl ?? '' });
    expect(asMember.statusCode).toBe(200);
    expect(asMember.rawPayload.equals(tinyPng())).toBe(true);
    expect(asMember.headers['content-type']).toBe('image/png');
    expect(asMember.headers['x-content-type-options']).toBe('nosniff');
    expect(asMember.headers['cache-control']).toBe('private, max-age=300');

    const apiKey = await createApiKey(t.app, owner);
    const withKey = await sendWithKey(t.app, apiKey.key, { method: 'GET', url: logoUrl() });
    expect(withKey.rawPayload.equals(tinyPng())).toBe(true);

    const invitation = await inviteWithLink(t.app, mail, owner, interview.id);
    const candidate = await openInvitationLink(t.app, invitation.token);
    const landing = candidate.landing.json<CandidateLanding>();
    expect(landing.logoUrl).toMatch(/^\/api\/v1\/candidate\/logo\?v=/);
    const asCandidate = await sendAsCandidate(t.app, candidate, {
      method: 'GET',
      url: landing.logoUrl ?? '',
    });
    expect(asCandidate.statusCode).toBe(200);
    expect(asCandidate.rawPayload.equals(tinyPng())).toBe(true);
    expect(asCandidate.headers['content-type']).toBe('image/png');
    expect(asCandidate.headers['x-content-type-options']).toBe('nosniff');
    expect(asCandidate.headers['cache-control']).toBe('private, max-age=300');
  });

  it('deletes the old object when the logo is replaced', async () => {
    expect((await upload(tinyPng())).statusCode).toBe(200);
    const oldKey = (await storedKey()) ?? '';
    expect(isStored(oldKey)).toBe(true);
    const res = await upload(tinyJpeg(), 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const newKey = (await storedKey()) ?? '';
    expect(newKey).toMatch(/\.jpg$/);
    expect(isStored(newKey)).toBe(true);
    expect(isStored(oldKey)).toBe(false);
    const read = await send(t.app, owner, { method: 'GET', url: logoUrl() });
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(read.rawPayload.equals(tinyJpeg())).toBe(true);
  });

  it('removes the logo and its object', async () => {
    expect((await upload(tinyPng())).statusCode).toBe(200);
    const key = (await storedKey()) ?? '';
    const res = await send(t.app, owner, { method: 'DELETE', url: logoUrl() });
    expect(res.statusCode).toBe(204);
    expect(await storedKey()).toBeNull();
    expect(isStored(key)).toBe(false);
    expect((await send(t.app, owner, { method: 'GET', url: logoUrl() })).statusCode).toBe(404);
    const after = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(after.json<Interview>().logoUrl).toBeNull();
  });

  it('refuses bytes that are not the declared type, naming it', async () => {
    const res = await upload(tinyJpeg(), 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.json<{ code: string; message: string }>()).toMatchObject({
      code: 'upload_rejected',
      message: expect.stringContaining('PNG') as string,
    });
    expect(await storedKey()).toBeNull();
  });

  it('refuses SVG by name', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const res = await upload(svg, 'image/svg+xml');
    expect(res.statusCode).toBe(415);
    expect(res.json<{ code: string; message: string }>()).toMatchObject({
      code: 'upload_rejected',
      message: expect.stringContaining('image/svg+xml') as string,
    });
  });

  it('refuses a logo over 1 MB', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(1024 * 1024)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ code: string }>().code).toBe('payload_too_large');
  });

  it("answers 404 to another organisation and refuses reviewers' changes", async () => {
    expect((await upload(tinyPng())).statusCode).toBe(200);
    const outsider = await signUp(t.app, { organisationName: 'Other Org' });
    expect((await send(t.app, outsider, { method: 'GET', url: logoUrl() })).statusCode).toBe(404);
    expect((await upload(tinyPng(), 'image/png', outsider)).statusCode).toBe(404);
    const reviewer = await addMember(t.app, mail, owner, 'reviewer');
    const before = await storedKey();
    expect((await upload(tinyPng(), 'image/png', reviewer)).statusCode).toBe(403);
    expect((await send(t.app, reviewer, { method: 'DELETE', url: logoUrl() })).statusCode).toBe(403);
    expect(await storedKey()).toBe(before);
  });

  it('refuses changes to an archived interview', async () => {
    const archived = await createInterview(t.app, owner);
    await send(t.app, owner, { method: 'POST', url: `/api/v1/interviews/${archived.id}/archive` });
    const res = await upload(tinyPng(), 'image/png', owner, archived.id);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ code: string }>().code).toBe('interview_archived');
  });

  it('gives a copy of the interview no logo, so neither can delete the other’s', async () => {
    expect((await upload(tinyPng())).statusCode).toBe(200);
    const copy = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/duplicate`,
    });
    expect(copy.json<Interview>().logoUrl).toBeNull();
  });
});
