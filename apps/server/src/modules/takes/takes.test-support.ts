import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { practiceQuestionId, type OpenedTake, type TakeState } from '@oneway/shared';
import type { FastifyInstance } from 'fastify';
import * as tus from 'tus-js-client';
import { expect } from 'vitest';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { giveConsent } from '../../../test/factories/consent.ts';
import { captureInvitationMail } from '../../../test/factories/invitation-api.ts';
import {
  candidateHeaders,
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import { signUp } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';

/** A real two-second VP8 + Opus WebM made by ffmpeg, as MediaRecorder would produce. */
/** The hex SHA-256 of some bytes, as the server stores and the page compares it. */
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export function makeWebm(): Buffer {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'oneway-webm-')), 'x.webm');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=2'],
    ...['-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libvpx', '-c:a', 'libopus', file],
  ]);
  return readFileSync(file);
}

export interface Candidate {
  invitationId: string;
  browser: CandidateBrowser;
  questionId: string;
  /** The link token of the invitation e-mail, to open the interview on another device (when the test knows it). */
  token?: string;
}

/**
 * An owner, an interview with one video question of `takes` takes, and a candidate who opened the link and agreed
 * to the recording notice (unless `consent: false`).
 */
export async function setUpCandidate(
  t: TestContext,
  options: { takes?: number; answerSeconds?: number } = {},
) {
  const mail = captureInvitationMail(t.runtime);
  const owner = await signUp(t.app);
  const interview = await createInterview(t.app, owner);
  const question = await addQuestion(t.app, owner, interview.id, {
    takes: options.takes ?? 2,
    ...(options.answerSeconds ? { answerSeconds: options.answerSeconds } : {}),
  });
  const invite = async (inviteOptions: { consent?: boolean } = {}): Promise<Candidate> => {
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id);
    const browser = await openInvitationLink(t.app, invitation.token);
    if (inviteOptions.consent !== false) await giveConsent(t.app, browser);
    return { invitationId: invitation.id, browser, questionId: question.id, token: invitation.token };
  };
  return { owner, interview, invite };
}

/** Opens a take as the page does: the question is revealed first. */
export async function openTake(
  app: FastifyInstance,
  c: Candidate,
  payload: { questionId?: string; reason?: string } = {},
) {
  // The page shows the question (its reveal) before it records; a refused reveal leaves the take's own refusal.
  const questionId = payload.questionId ?? c.questionId;
  if (questionId !== practiceQuestionId) {
    await sendAsCandidate(app, c.browser, {
      method: 'POST',
      url: `/api/v1/candidate/questions/${encodeURIComponent(questionId)}/reveal`,
    });
  }
  return sendAsCandidate(app, c.browser, {
    method: 'POST',
    url: '/api/v1/candidate/takes',
    payload: { questionId: c.questionId, ...payload },
  });
}

export async function openTakeOk(app: FastifyInstance, c: Candidate, payload = {}): Promise<OpenedTake> {
  const res = await openTake(app, c, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OpenedTake>();
}

export async function takeState(app: FastifyInstance, c: Candidate, takeId: string): Promise<TakeState> {
  const res = await sendAsCandidate(app, c.browser, {
    method: 'GET',
    url: `/api/v1/candidate/takes/${takeId}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TakeState>();
}

/** The headers the candidate page sends on every tus request. */
export const tusHeaders = (c: Candidate) => ({ cookie: c.browser.cookie, ...candidateHeaders });

/** Feeds `data` through a stream in small pieces, as MediaRecorder chunks arrive, with the length deferred. */
export function uploadWithTus(
  origin: string,
  c: Candidate,
  options: { takeId: string; data: Buffer; uploadUrl?: string; asStream?: boolean },
): Promise<{ url: string }> {
  const pieces = Array.from({ length: Math.ceil(options.data.length / 3000) }, (_, i) =>
    options.data.subarray(i * 3000, (i + 1) * 3000),
  );
  const source = options.asStream === false ? options.data : Readable.from(pieces);
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(source, {
      endpoint: `${origin}/api/v1/uploads`,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      uploadLengthDeferred: true,
      chunkSize: 8 * 1024,
      retryDelays: [],
      metadata: { takeId: options.takeId },
      headers: tusHeaders(c),
      onError: reject,
      onSuccess: () => resolve({ url: upload.url ?? '' }),
    });
    upload.start();
  });
}

/** A raw tus request, for what tus-js-client would never send (another cookie, a chunk out of turn). */
export function tusRequest(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: Buffer },
): Promise<Response> {
  return fetch(url, {
    method: init.method,
    headers: { 'tus-resumable': '1.0.0', ...init.headers },
    ...(init.body ? { body: init.body } : {}),
  });
}

/** A tus PATCH of `body` at `offset` with the candidate's cookie; `extra` adds or overrides headers. */
export const tusPatch = (
  c: Candidate,
  url: string,
  offset: number,
  body: Buffer,
  extra: Record<string, string> = {},
): Promise<Response> =>
  tusRequest(url, {
    method: 'PATCH',
    headers: {
      ...tusHeaders(c),
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
      ...extra,
    },
    body,
  });

/**
 * A PATCH sent by hand on a connection of its own, declaring `contentLength` bytes (or sent chunked), so a test
 * can send part of the body, then stall or drop the connection.
 */
export function openRawPatch(url: string, headers: Record<string, string>, contentLength?: number) {
  const req = request(url, {
    method: 'PATCH',
    agent: false,
    headers: {
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      ...headers,
      ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }),
    },
  });
  // A dropped connection fails the request on our side; what matters is what the server kept.
  req.on('error', () => undefined);
  const response = new Promise<IncomingMessage | null>((resolve) => {
    req.once('response', (res: IncomingMessage) => {
      res.resume();
      resolve(res);
    });
    req.once('close', () => resolve(null));
  });
  const send = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => req.write(chunk, (err) => (err ? reject(err) : resolve())));
  return { req, response, send };
}

/** Creates an upload for the take by hand, its length deferred as the page's is, and returns its absolute URL. */
export async function createUpload(origin: string, c: Candidate, takeId: string): Promise<string> {
  const res = await tusRequest(`${origin}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      ...tusHeaders(c),
      'upload-defer-length': '1',
      'upload-metadata': `takeId ${Buffer.from(takeId).toString('base64')}`,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return new URL(res.headers.get('location') ?? '', origin).toString();
}

/** The offset a tus HEAD reports for the upload. */
export async function headOffset(c: Candidate, url: string): Promise<number> {
  const res = await tusRequest(url, { method: 'HEAD', headers: tusHeaders(c) });
  expect(res.status).toBe(200);
  return Number(res.headers.get('upload-offset'));
}
