/**
 * A processed answer reachable the way reviewers reach it: Oneway runs as a child (as bench:ingest starts it), an
 * owner signs up and invites one candidate to a one-video-question interview, the candidate opens the link, agrees,
 * opens a take and streams the recording over tus (length deferred, 1 MiB PATCHes, as the page sends them), then
 * submits. The server's own job queue processes the take; the owner asks POST /takes/:id/playback until it stops
 * answering 409 media_not_ready and gets the signed /api/v1/media/<token> address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  ConsentNotice,
  Interview,
  OpenedTake,
  OutboxMessage,
  Playback,
  Question,
  SessionInfo,
} from '@oneway/shared';
import { cookieFrom, request, requestJson } from '../ingest/http.ts';
import { repoRoot, startServer, type ChildServer } from '../ingest/processes.ts';
import { candidateHeaders } from '../ingest/setup.ts';
import { onCleanUp } from './cleanup.ts';

export async function startOneway(logLevel: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const server = await startServer({
    name: 'media',
    nodeArgs,
    script: path.join(repoRoot, 'apps/server/src/main.ts'),
    healthPath: '/api/health',
    env: (port) => ({
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: '',
      SMTP_URL: '',
      SEED_DEMO: 'false',
      LOG_LEVEL: logLevel,
      NODE_ENV: 'production',
    }),
  });
  onCleanUp(() => server.stop());
  return server;
}

export interface ReadyAnswer {
  /** Absolute signed address of the processed MP4. */
  mediaUrl: string;
  /** From the final PATCH's answer to the playback address being issued (processing through the job queue). */
  savedToReviewableSeconds: number;
  durationSeconds: number | null;
}

const patchBytes = 1024 * 1024;

export async function recordThroughOneway(server: ChildServer, recording: string): Promise<ReadyAnswer> {
  const api = `${server.url}/api/v1`;
  const signUp = await requestJson<SessionInfo>(`${api}/auth/signup`, 201, {
    method: 'POST',
    json: {
      organisationName: 'Media Bench Ltd',
      name: 'Bench Owner',
      email: `owner-${Date.now()}@example.com`,
      password: 'bench-violet-harbour-lantern-42',
    },
  });
  const employer = {
    cookie: cookieFrom(signUp.answer, 'oneway_session'),
    'x-csrf-token': signUp.json.csrfToken,
  };
  const asEmployer = <T>(p: string, status: number, method = 'GET', json?: unknown) =>
    requestJson<T>(`${api}${p}`, status, { method, headers: employer, json }).then((r) => r.json);

  const interview = await asEmployer<Interview>('/interviews', 201, 'POST', {
    title: 'Media benchmark',
    roleTitle: 'Account Executive',
  });
  const question = await asEmployer<Question>(`/interviews/${interview.id}/questions`, 201, 'POST', {
    promptText: 'Tell us about a deal you closed.',
    answerType: 'video',
    think: { mode: 'none' },
    answerSeconds: 1800,
    takes: 1,
    startMode: 'ready',
  });
  const email = `candidate-${Date.now()}@example.com`;
  await asEmployer(`/interviews/${interview.id}/invitations`, 201, 'POST', {
    name: 'Casey Candidate',
    email,
  });
  const { messages } = await asEmployer<{ messages: OutboxMessage[] }>('/outbox', 200);
  const token = /\/i\/([A-Za-z0-9_-]+)/.exec(
    messages.find((m) => m.to.toLowerCase() === email)?.text ?? '',
  )?.[1];
  if (!token) throw new Error('No invitation link in the outbox');

  const session = await requestJson(`${api}/candidate/session`, 200, {
    method: 'POST',
    headers: candidateHeaders,
    json: { token },
  });
  const headers = { ...candidateHeaders, cookie: cookieFrom(session.answer, 'oneway_candidate') };
  const asCandidate = <T>(p: string, status: number, method = 'GET', json?: unknown) =>
    requestJson<T>(`${api}${p}`, status, { method, headers, json }).then((r) => r.json);
  const notice = await asCandidate<ConsentNotice>('/candidate/consent-notice', 200);
  await asCandidate('/candidate/consent', 201, 'POST', {
    noticeVersion: notice.version,
    noticeHash: notice.hash,
  });
  // As the page does: the question is shown (revealed) before a take of it is opened.
  await asCandidate(`/candidate/questions/${question.id}/reveal`, 200, 'POST');
  const take = await asCandidate<OpenedTake>('/candidate/takes', 201, 'POST', { questionId: question.id });
  const created = await request(`${server.url}${take.uploadUrl}`, {
    method: 'POST',
    headers: {
      ...headers,
      'upload-defer-length': '1',
      'upload-metadata': `takeId ${Buffer.from(take.uploadMetadata.takeId).toString('base64')}`,
    },
  });
  if (created.status !== 201 || !created.headers.location) {
    throw new Error(`tus creation answered ${created.status}: ${created.body}`);
  }
  const uploadUrl = new URL(created.headers.location, server.url).toString();
  const bytes = fs.readFileSync(recording);
  for (let offset = 0; offset < bytes.length; offset += patchBytes) {
    const body = bytes.subarray(offset, offset + patchBytes);
    const last = offset + body.length >= bytes.length;
    const res = await fetch(uploadUrl, {
      method: 'PATCH',
      headers: {
        ...headers,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        ...(last ? { 'upload-length': String(bytes.length) } : {}),
      },
      body,
    });
    if (res.status !== 204)
      throw new Error(`tus PATCH at ${offset} answered ${res.status}: ${await res.text()}`);
  }
  const savedAt = performance.now();
  await asCandidate('/candidate/submit', 200, 'POST');

  for (const deadline = Date.now() + 10 * 60_000; Date.now() < deadline;) {
    const res = await request(`${api}/takes/${take.takeId}/playback`, { method: 'POST', headers: employer });
    if (res.status === 200) {
      const playback = JSON.parse(res.body) as Playback;
      return {
        mediaUrl: new URL(playback.url, server.url).toString(),
        savedToReviewableSeconds: (performance.now() - savedAt) / 1000,
        durationSeconds: playback.durationSeconds,
      };
    }
    if (res.status !== 409) throw new Error(`POST /takes/:id/playback answered ${res.status}: ${res.body}`);
    if (res.body.includes('failed')) throw new Error(`processing failed: ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the take was not reviewable after 10 minutes');
}
