import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../test/factories/api-keys.ts';
import { giveConsent } from '../test/factories/consent.ts';
import { captureInvitationMail } from '../test/factories/invitation-api.ts';
import {
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../test/factories/invitations.ts';
import { addQuestion, createInterview } from '../test/factories/interviews.ts';
import { putRaw, tinyPng } from '../test/factories/logo.ts';
import { addMember, inviteMember } from '../test/factories/member.ts';
import { send, signUp, type TestSession } from '../test/factories/session.ts';
import { createTestApp, type TestContext } from '../test/runtime.ts';
import { validVtt } from './modules/prompt-videos/prompt-videos.test-support.ts';

/** The first bytes of a WebM: enough for the upload's type check (the video is never processed here). */
const webmHead = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(60)]);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Every route that takes an id, called by the owner of another organisation with organisation A's ids and a
 * valid body, must answer 404 and change nothing. The list of routes comes from the OpenAPI document, so a new
 * route with an id fails this test until it is described here.
 */
describe('no access across organisations, for every route that takes an id', () => {
  let t: TestContext;
  let outsider: TestSession;
  /** A candidate of organisation B, agreed to recording, for the candidate routes. */
  let outsiderCandidate: CandidateBrowser;
  const ids: Record<string, string> = {};
  const future = new Date(Date.now() + 30 * 86_400_000).toISOString();

  const bodies: Record<string, object | undefined> = {
    'patch /api/v1/members/{userId}': { role: 'reviewer' },
    'patch /api/v1/interviews/{id}': { title: 'Taken over' },
    'post /api/v1/interviews/{id}/questions': { promptText: 'Injected?', answerSeconds: 60 },
    'patch /api/v1/interviews/{id}/questions/{questionId}': { promptText: 'Changed?' },
    'put /api/v1/interviews/{id}/questions/order': { questionIds: ['{questionId}'] },
    'post /api/v1/interviews/{id}/questions/from-bank': { bankQuestionIds: ['{bankQuestionId}'] },
    'post /api/v1/interviews/{id}/invitations': { name: 'Mallory', email: 'mallory@example.com' },
    'post /api/v1/invitations/{id}/extend': { deadline: future },
    'put /api/v1/invitations/{id}/accommodations': { timeMultiplier: 2, extraTakes: 0, answerFormat: null },
    'post /api/v1/interviews/{id}/invitations/bulk': {
      action: 'withdraw',
      invitationIds: ['{invitationId}'],
    },
    'post /api/v1/interviews/{id}/invitations/import/preview': { csv: 'name,email\nMallory,m@example.com' },
    'post /api/v1/interviews/{id}/invitations/import': { csv: 'name,email\nMallory,m@example.com' },
    'put /api/v1/interviews/{id}/email-templates/{kind}': { subject: 'Hi', text: 'Hello {{candidateName}}' },
    'post /api/v1/interviews/{id}/email-templates/{kind}/preview': { subject: 'Hi', text: 'Hello' },
    'post /api/v1/interviews/{id}/email-templates/{kind}/test': { subject: 'Hi', text: 'Hello' },
    'post /api/v1/invitation-requests/{id}/approve': {},
    'post /api/v1/invitation-requests/{id}/decline': {},
    'put /api/v1/invitations/{id}/ratings': {
      questionRatings: [{ questionId: '{questionId}', score: 5 }],
      overall: 5,
    },
    'post /api/v1/invitations/{id}/comments': { questionId: '{questionId}', atSeconds: 1, body: 'Injected?' },
    'put /api/v1/invitations/{id}/decision': { decision: 'reject' },
    'put /api/v1/invitations/{id}/ratings/questions/{questionId}': { score: 5 },
    'put /api/v1/invitations/{id}/ratings/overall': { overall: 5 },
    'put /api/v1/invitations/{id}/decision-draft': { note: 'Injected?' },
    'put /api/v1/interviews/{id}/reviewers': { userIds: ['{userId}'] },
    'put /api/v1/interviews/{id}/retention': { choice: '30' },
    'post /api/v1/interviews/{id}/erase-candidates': { confirmation: 'Senior Account Executive' },
    'post /api/v1/invitations/{id}/erase': { confirmation: '{email}' },
    'put /api/v1/invitations/{id}/legal-hold': { reason: 'Taken over?' },
  };

  /** Routes whose body is not JSON: the raw bytes and their Content-Type. */
  const rawBodies: Record<string, { contentType: string; body: Buffer }> = {
    'put /api/v1/interviews/{id}/logo': { contentType: 'image/png', body: tinyPng() },
    'put /api/v1/interviews/{id}/intro-video': { contentType: 'video/webm', body: webmHead },
    'put /api/v1/interviews/{id}/questions/{questionId}/prompt-video': {
      contentType: 'video/webm',
      body: webmHead,
    },
    'put /api/v1/interviews/{id}/intro-video/captions': {
      contentType: 'text/vtt',
      body: Buffer.from(validVtt),
    },
    'put /api/v1/interviews/{id}/questions/{questionId}/prompt-video/captions': {
      contentType: 'text/vtt',
      body: Buffer.from(validVtt),
    },
  };

  /** Query strings a route needs to get past validation to its access check. */
  const queries: Record<string, string> = {
    'get /api/v1/interviews/{id}/compare': '?questionId={questionId}&invitationIds={invitationId}',
  };

  // These authenticate by a capability instead of membership (a signed media address, a share link's guest cookie):
  // their own tests prove that a forged, expired or revoked one shows nothing.
  const capabilityPaths = ['/api/v1/media/', '/api/v1/shared/'];
  // These belong to the instance administrator, who is no member of any one organisation: instance-admin.test.ts
  // proves everyone else is refused.
  const instanceAdminPaths = ['/api/v1/admin/'];
  // These take no id at all, only a language and a kind, and act on the caller's own organisation; that another
  // organisation's wording stays its own is tested in organisation-email-templates.test.ts.
  const ownOrganisationPaths = ['/api/v1/organisation/email-templates/'];

  /** Which of A's ids each path's `{id}` stands for, by the path's first segment. */
  const idFor = (path: string): string | undefined => {
    if (path.startsWith('/api/v1/members/invitations/')) return ids.teamInvitationId;
    const resource = /^\/api\/v1\/([^/]+)\//.exec(path)?.[1] ?? '';
    const byResource: Record<string, string | undefined> = {
      interviews: ids.interviewId,
      invitations: ids.invitationId,
      'question-bank': ids.bankQuestionId,
      'invitation-requests': ids.requestId,
      'api-keys': ids.apiKeyId,
      outbox: ids.outboxMessageId,
      takes: ids.takeId,
      comments: ids.commentId,
      'share-links': ids.shareLinkId,
      account: ids.passkeyId,
    };
    return byResource[resource];
  };

  const fill = (text: string, path: string): string =>
    text
      .replace('{id}', idFor(path) ?? '{unknown}')
      .replace('{userId}', ids.memberUserId ?? '')
      .replace('{questionId}', ids.questionId ?? '')
      .replace('{bankQuestionId}', ids.bankQuestionId ?? '')
      .replace('{invitationId}', ids.invitationId ?? '')
      .replace('{videoId}', ids.promptVideoId ?? '')
      .replace('{email}', ids.invitationEmail ?? '')
      .replace('{kind}', 'invitation');

  /** Everything organisation A holds, to prove the refused calls changed none of it. */
  const snapshotOrganisationA = async () => {
    const db = t.runtime.db;
    const org = ids.organisationId ?? '';
    return {
      interviews: await db.selectFrom('interviews').selectAll().where('organisation_id', '=', org).execute(),
      questions: await db.selectFrom('questions').selectAll().orderBy('id').execute(),
      invitations: await db
        .selectFrom('invitations')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      memberships: await db
        .selectFrom('memberships')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      teamInvitations: await db
        .selectFrom('team_invitations')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      requests: await db
        .selectFrom('invitation_requests')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      bank: await db.selectFrom('question_bank').selectAll().where('organisation_id', '=', org).execute(),
      templates: await db
        .selectFrom('email_templates')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      promptVideos: await db
        .selectFrom('prompt_videos')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
      apiKeys: await db.selectFrom('api_keys').selectAll().where('organisation_id', '=', org).execute(),
      passkeys: await db.selectFrom('passkeys').selectAll().execute(),
      reviewing: {
        reviewers: await db
          .selectFrom('interview_reviewers')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
        ratings: await db.selectFrom('rating_sets').selectAll().where('organisation_id', '=', org).execute(),
        comments: await db
          .selectFrom('review_comments')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
        decisions: await db.selectFrom('decisions').selectAll().where('organisation_id', '=', org).execute(),
        decisionDrafts: await db
          .selectFrom('decision_drafts')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
        shareLinks: await db
          .selectFrom('share_links')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
        audit: await db
          .selectFrom('audit_events')
          .select('action')
          .where('organisation_id', '=', org)
          .where('action', 'like', 'review.%')
          .execute(),
      },
      takes: await db.selectFrom('takes').selectAll().where('organisation_id', '=', org).execute(),
      answers: await db.selectFrom('answers').selectAll().where('organisation_id', '=', org).execute(),
      privacy: {
        holds: await db.selectFrom('legal_holds').selectAll().where('organisation_id', '=', org).execute(),
        retention: await db
          .selectFrom('interview_retention')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
        erasures: await db
          .selectFrom('candidate_erasures')
          .selectAll()
          .where('organisation_id', '=', org)
          .execute(),
      },
      reveals: await db
        .selectFrom('question_reveals')
        .selectAll()
        .where('organisation_id', '=', org)
        .execute(),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const mail = captureInvitationMail(t.runtime);
    const owner = await signUp(t.app, { organisationName: 'Organisation A' });
    ids.organisationId = owner.info.organisation.id;
    const interview = await createInterview(t.app, owner);
    ids.interviewId = interview.id;
    // A logo of A, so reading or removing it by another organisation has something to find.
    const logo = await putRaw(t.app, owner, {
      url: `/api/v1/interviews/${interview.id}/logo`,
      contentType: 'image/png',
      body: tinyPng(),
    });
    expect(logo.statusCode, logo.body).toBe(200);
    ids.questionId = (await addQuestion(t.app, owner, interview.id)).id;
    // Videos of A with captions, so reading, replacing or removing them by another organisation has something to find.
    for (const url of [
      `/api/v1/interviews/${interview.id}/intro-video`,
      `/api/v1/interviews/${interview.id}/questions/${ids.questionId}/prompt-video`,
    ]) {
      const video = await putRaw(t.app, owner, { url, contentType: 'video/webm', body: webmHead });
      expect(video.statusCode, video.body).toBe(201);
      ids.promptVideoId = video.json<{ id: string }>().id;
      const captions = await putRaw(t.app, owner, {
        url: `${url}/captions`,
        contentType: 'text/vtt',
        body: validVtt,
      });
      expect(captions.statusCode, captions.body).toBe(200);
    }
    const bank = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/question-bank',
      payload: { questionId: ids.questionId },
    });
    ids.bankQuestionId = bank.json<{ id: string }>().id;
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id);
    ids.invitationId = invitation.id;
    ids.invitationEmail = invitation.email;
    const candidate = await openInvitationLink(t.app, invitation.token);
    const request = await sendAsCandidate(t.app, candidate, {
      method: 'POST',
      url: '/api/v1/candidate/requests',
      payload: { kind: 'accommodation', timeMultiplier: 2 },
    });
    ids.requestId = request.json<{ id: string }>().id;
    await giveConsent(t.app, candidate);
    await sendAsCandidate(t.app, candidate, {
      method: 'POST',
      url: `/api/v1/candidate/questions/${ids.questionId}/reveal`,
    });
    const take = await sendAsCandidate(t.app, candidate, {
      method: 'POST',
      url: '/api/v1/candidate/takes',
      payload: { questionId: ids.questionId },
    });
    ids.takeId = take.json<{ takeId: string }>().takeId;
    ids.memberUserId = (await addMember(t.app, mail, owner, 'recruiter')).info.user.id;
    ids.teamInvitationId = (await inviteMember(t.app, mail, owner, { role: 'reviewer' })).invitation.id;
    ids.apiKeyId = (await createApiKey(t.app, owner)).id;
    // Mail is captured in this test, so put one message in A's outbox by hand.
    ids.outboxMessageId = 'outbox-message-of-a';
    await t.runtime.db
      .insertInto('outbox_emails')
      .values({
        id: ids.outboxMessageId,
        organisation_id: ids.organisationId,
        to_address: 'someone@example.com',
        subject: 'Private',
        text_body: 'Only for A',
        html_body: null,
        status: 'sent',
        transport: 'outbox',
        error: null,
        held_reason: null,
        created_at: new Date().toISOString(),
        sent_at: null,
      })
      .execute();
    // A passkey of A's owner (a WebAuthn registration needs a browser: see the end-to-end spec).
    ids.passkeyId = 'passkey-of-a';
    await t.runtime.db
      .insertInto('passkeys')
      .values({
        id: ids.passkeyId,
        user_id: owner.info.user.id,
        public_key: 'not-a-real-key',
        counter: 0,
        transports: null,
        name: 'A’s key',
        created_at: new Date().toISOString(),
        last_used_at: null,
      })
      .execute();
    await addReviewingRowsOfA();
    outsider = await signUp(t.app, { organisationName: 'Organisation B' });
    const interviewOfB = await createInterview(t.app, outsider);
    await addQuestion(t.app, outsider, interviewOfB.id);
    const invitationOfB = await inviteWithLink(t.app, mail, outsider, interviewOfB.id);
    outsiderCandidate = await openInvitationLink(t.app, invitationOfB.token);
    await giveConsent(t.app, outsiderCandidate);
  });
  afterAll(() => t.close());

  /** A comment and a share link of A, stored directly: the API makes them only for completed candidates. */
  async function addReviewingRowsOfA(): Promise<void> {
    const db = t.runtime.db;
    const org = ids.organisationId ?? '';
    const now = new Date().toISOString();
    ids.commentId = 'comment-of-a';
    await db
      .insertInto('review_comments')
      .values({
        id: ids.commentId,
        organisation_id: org,
        interview_id: ids.interviewId ?? '',
        invitation_id: ids.invitationId ?? '',
        question_id: ids.questionId ?? '',
        at_ms: null,
        body: 'Only for A',
        author_user_id: null,
        author_name: 'Someone of A',
        created_at: now,
      })
      .execute();
    ids.shareLinkId = 'share-link-of-a';
    await db
      .insertInto('share_links')
      .values({
        id: ids.shareLinkId,
        organisation_id: org,
        interview_id: ids.interviewId ?? '',
        token_hash: 'not-a-real-hash',
        anonymised: 0,
        allow_ratings: 1,
        created_by_user_id: null,
        created_at: now,
        expires_at: future,
        revoked_at: null,
        revoked_by_user_id: null,
        last_used_at: null,
        use_count: 0,
      })
      .execute();
  }

  it('had every id of organisation A to hand', () => {
    for (const [name, value] of Object.entries(ids)) expect(value, name).toBeTruthy();
  });

  it('answers 404 to the other organisation on each such route and changes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Partial<Record<Method, unknown>>>;
    }>();
    const before = await snapshotOrganisationA();
    const answers: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.includes('{') || path.startsWith('/api/v1/candidate/')) continue;
      const elsewhere = [...capabilityPaths, ...instanceAdminPaths, ...ownOrganisationPaths];
      if (elsewhere.some((prefix) => path.startsWith(prefix))) continue;
      for (const method of Object.keys(operations) as Method[]) {
        const key = `${method} ${path}`;
        expect(
          idFor(path) ?? (path.includes('{id}') ? undefined : 'none'),
          `no id known for ${key}`,
        ).toBeDefined();
        const template = bodies[key];
        const payload = template ? (JSON.parse(fill(JSON.stringify(template), path)) as object) : undefined;
        const needsBody = ['post', 'put', 'patch'].includes(method);
        const url = fill(path + (queries[key] ?? ''), path);
        const raw = rawBodies[key];
        const res = raw
          ? await putRaw(t.app, outsider, { url, ...raw })
          : await send(t.app, outsider, {
              method: method.toUpperCase() as 'GET',
              url,
              ...(payload || needsBody ? { payload: payload ?? {} } : {}),
            });
        answers.push(`${res.statusCode} ${key}`);
        checked += 1;
      }
    }
    expect(answers.filter((a) => !a.startsWith('404 '))).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(await snapshotOrganisationA()).toEqual(before);
  });

  it("answers 404 to another organisation's candidate on each candidate route with an id, and changes nothing", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Partial<Record<Method, unknown>>>;
    }>();
    const candidateBodies: Record<string, object> = {
      'put /api/v1/candidate/answers/{questionId}': { text: 'Injected?' },
    };
    // A valid query, so the answer is about the id (a missing one is refused as invalid before anything is read).
    const candidateQueries: Record<string, string> = {
      'get /api/v1/candidate/takes/{takeId}/prefix-sha256': '?bytes=1',
    };
    const before = await snapshotOrganisationA();
    const answers: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.includes('{') || !path.startsWith('/api/v1/candidate/')) continue;
      for (const method of Object.keys(operations) as Method[]) {
        const key = `${method} ${path}`;
        const url =
          path.replace('{takeId}', ids.takeId ?? '').replace('{questionId}', ids.questionId ?? '') +
          (candidateQueries[key] ?? '');
        expect(url, `no id known for ${key}`).not.toContain('{');
        const res = await sendAsCandidate(t.app, outsiderCandidate, {
          method: method.toUpperCase() as 'GET' | 'POST' | 'PUT',
          url,
          ...(method === 'get' ? {} : { payload: candidateBodies[key] ?? {} }),
        });
        answers.push(`${res.statusCode} ${key}`);
      }
    }
    expect(answers.filter((a) => !a.startsWith('404 '))).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(await snapshotOrganisationA()).toEqual(before);
  });
});
