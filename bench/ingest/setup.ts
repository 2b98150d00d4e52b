/**
 * Brings N candidates to the moment they start recording, through the same routes the web app uses: an owner signs
 * up, creates an interview with one video question and invites N candidates (link tokens read from the outbox, as
 * an instance without SMTP keeps them); each candidate, from its own address, opens the link (candidate session
 * cookie), agrees to the consent notice, is shown the question, opens a take and creates its tus upload with the
 * length deferred.
 */
import type {
  ConsentNotice,
  Interview,
  OpenedTake,
  OutboxMessage,
  Question,
  SessionInfo,
} from '@oneway/shared';
import { addressOf, cookieFrom, mapLimit, request, requestJson } from './http.ts';
import type { ClientSpec } from './protocol.ts';

const password = 'bench-violet-harbour-lantern-42';
/** Fewer than the 200 newest messages GET /outbox lists, so every link of a batch is in one answer. */
const inviteBatch = 150;
const concurrency = 8;

export const candidateHeaders = { 'x-requested-with': 'oneway', 'tus-resumable': '1.0.0' } as const;

const phaseOf = (i: number, n: number) => (i * 1000) / n;

export async function setUpOnewayCandidates(
  origin: string,
  n: number,
  say: (line: string) => void,
): Promise<ClientSpec[]> {
  const api = `${origin}/api/v1`;
  const owner = '127.0.0.1';
  const signUp = await requestJson<SessionInfo>(`${api}/auth/signup`, 201, {
    method: 'POST',
    localAddress: owner,
    json: {
      organisationName: 'Ingest Bench Ltd',
      name: 'Bench Owner',
      email: `owner-${Date.now()}@example.com`,
      password,
    },
  });
  const employer = {
    cookie: cookieFrom(signUp.answer, 'oneway_session'),
    'x-csrf-token': signUp.json.csrfToken,
  };
  const asEmployer = <T>(path: string, status: number, method = 'GET', json?: unknown) =>
    requestJson<T>(`${api}${path}`, status, { method, headers: employer, json, localAddress: owner }).then(
      (r) => r.json,
    );

  const interview = await asEmployer<Interview>('/interviews', 201, 'POST', {
    title: 'Ingest benchmark',
    roleTitle: 'Account Executive',
  });
  const question = await asEmployer<Question>(`/interviews/${interview.id}/questions`, 201, 'POST', {
    promptText: 'Tell us about a deal you closed.',
    answerType: 'video',
    think: { mode: 'timed', seconds: 45 },
    answerSeconds: 1800,
    takes: 2,
    startMode: 'ready',
  });

  const tokens: string[] = [];
  for (let from = 0; from < n; from += inviteBatch) {
    const batch = Array.from({ length: Math.min(inviteBatch, n - from) }, (_, k) => from + k);
    const emails = batch.map((i) => `candidate-${i}@example.com`);
    await mapLimit(emails, concurrency, (email) =>
      asEmployer(`/interviews/${interview.id}/invitations`, 201, 'POST', { name: 'Casey Candidate', email }),
    );
    const { messages } = await asEmployer<{ messages: OutboxMessage[] }>('/outbox', 200);
    for (const email of emails) {
      const message = messages.find((m) => m.to.toLowerCase() === email);
      const token = message && /\/i\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
      if (!token) throw new Error(`No invitation link in the outbox for ${email}`);
      tokens.push(token);
    }
    say(`  invited ${from + batch.length}/${n}`);
  }

  let ready = 0;
  const clients = await mapLimit(
    tokens.map((token, index) => ({ token, index })),
    concurrency,
    async ({ token, index }): Promise<ClientSpec> => {
      const localAddress = addressOf(index);
      const session = await requestJson(`${api}/candidate/session`, 200, {
        method: 'POST',
        headers: candidateHeaders,
        json: { token },
        localAddress,
      });
      const headers = { ...candidateHeaders, cookie: cookieFrom(session.answer, 'oneway_candidate') };
      const asCandidate = <T>(path: string, status: number, method = 'GET', json?: unknown) =>
        requestJson<T>(`${api}${path}`, status, { method, headers, json, localAddress }).then((r) => r.json);
      const notice = await asCandidate<ConsentNotice>('/candidate/consent-notice', 200);
      await asCandidate('/candidate/consent', 201, 'POST', {
        noticeVersion: notice.version,
        noticeHash: notice.hash,
      });
      // As the page does: the question is shown (revealed) before a take of it is opened.
      await asCandidate(`/candidate/questions/${question.id}/reveal`, 200, 'POST');
      const take = await asCandidate<OpenedTake>('/candidate/takes', 201, 'POST', {
        questionId: question.id,
      });
      const created = await request(`${origin}${take.uploadUrl}`, {
        method: 'POST',
        localAddress,
        headers: {
          ...headers,
          'upload-defer-length': '1',
          'upload-metadata': `takeId ${Buffer.from(take.uploadMetadata.takeId).toString('base64')}`,
        },
      });
      const location = created.headers.location;
      if (created.status !== 201 || !location) {
        throw new Error(`tus creation: expected 201 with a Location, got ${created.status}: ${created.body}`);
      }
      if (++ready % 100 === 0 || ready === n) say(`  candidates recording-ready ${ready}/${n}`);
      return {
        index,
        uploadUrl: new URL(location, origin).toString(),
        headers,
        localAddress,
        phaseMs: phaseOf(index, n),
        takeId: take.takeId,
      };
    },
  );
  return clients;
}

/** The floor has no candidates, only files: one created per simulated candidate, from the same addresses. */
export async function setUpFloorClients(origin: string, n: number): Promise<ClientSpec[]> {
  return mapLimit(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (index): Promise<ClientSpec> => {
      const localAddress = addressOf(index);
      const created = await request(`${origin}/files`, { method: 'POST', localAddress });
      const location = created.headers.location;
      if (created.status !== 201 || !location) throw new Error(`floor creation: got ${created.status}`);
      return {
        index,
        uploadUrl: new URL(location, origin).toString(),
        headers: { 'tus-resumable': '1.0.0' },
        localAddress,
        phaseMs: phaseOf(index, n),
      };
    },
  );
}
