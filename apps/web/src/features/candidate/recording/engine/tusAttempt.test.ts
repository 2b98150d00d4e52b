import { describe, expect, it } from 'vitest';
import type { AttemptEventBody } from './machine/state.ts';
import { RecordingBuffer } from './recordingBuffer.ts';
import { tusPort, type HttpAnswer, type HttpRequest } from './tusAttempt.ts';

/** The requests one tus attempt makes, as the real server (@tus/server) needs them. */

const answer = (status: number, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  header: (name) => headers[name] ?? null,
  body: '',
});

function attempt(
  url: string | null,
  answers: HttpAnswer[],
  buffer = RecordingBuffer.fromBlob(new Blob(['abcdef'])),
) {
  const requests: HttpRequest[] = [];
  const events: AttemptEventBody[] = [];
  const handle = tusPort((request) => {
    requests.push(request);
    const next = answers.shift();
    return next
      ? Promise.resolve(next)
      : new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
  }).startAttempt({
    takeId: 'take-1',
    endpoint: 'http://oneway.test/api/v1/uploads',
    url,
    buffer,
    onEvent: (e) => events.push(e),
  });
  return { requests, events, handle };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('one tus attempt', () => {
  it('creates the upload with a deferred length, then sends the recording declaring its length', async () => {
    const { requests, events } = attempt(null, [
      answer(201, { Location: '/api/v1/uploads/u1' }),
      answer(204, { 'Upload-Offset': '6', 'Oneway-Take-Sha256': 'ab'.repeat(32), 'Oneway-Take-Bytes': '6' }),
    ]);
    await flush();
    const [post, patch] = requests;
    expect(post).toMatchObject({ method: 'POST', url: 'http://oneway.test/api/v1/uploads', body: null });
    expect(post?.headers).toEqual({
      'x-requested-with': 'oneway',
      'Tus-Resumable': '1.0.0',
      'Upload-Defer-Length': '1',
      'Upload-Metadata': `takeId ${btoa('take-1')}`,
    });
    expect(patch).toMatchObject({ method: 'PATCH', url: 'http://oneway.test/api/v1/uploads/u1' });
    expect(patch?.headers).toMatchObject({
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': '0',
      'Upload-Length': '6',
      'Tus-Resumable': '1.0.0',
    });
    expect(await patch?.body?.text()).toBe('abcdef');
    expect(events).toContainEqual({ type: 'uploadUrl', url: 'http://oneway.test/api/v1/uploads/u1' });
    expect(events.at(-1)).toEqual({
      type: 'attemptSucceeded',
      stored: { sha256: 'ab'.repeat(32), bytes: 6 },
    });
  });

  it('resumes at the offset HEAD reports, and succeeds at once when every byte arrived already', async () => {
    const resumed = attempt('http://x/u1', [
      answer(200, { 'Upload-Offset': '4' }),
      answer(204, { 'Upload-Offset': '6' }),
    ]);
    await flush();
    expect(resumed.requests.map((r) => [r.method, r.headers['Upload-Offset'] ?? null])).toEqual([
      ['HEAD', null],
      ['PATCH', '4'],
    ]);
    expect(await resumed.requests[1]?.body?.text()).toBe('ef');
    const complete = attempt('http://x/u1', [answer(200, { 'Upload-Offset': '6', 'Upload-Length': '6' })]);
    await flush();
    expect(complete.requests).toHaveLength(1);
    expect(complete.events.at(-1)).toEqual({ type: 'attemptSucceeded', stored: null });
  });

  it('reports a refusal with its status, and a server holding more than the recording with its offset', async () => {
    const refused = attempt('http://x/u1', [
      { status: 409, header: () => null, body: '{"code":"take_not_open"}' },
    ]);
    await flush();
    expect(refused.events.at(-1)).toEqual({
      type: 'attemptFailed',
      status: 409,
      body: '{"code":"take_not_open"}',
    });
    const ahead = attempt('http://x/u1', [answer(200, { 'Upload-Offset': '9' })]);
    await flush();
    expect(ahead.events.at(-1)).toEqual({ type: 'attemptFailed', status: 0, body: null, serverOffset: 9 });
  });

  it('once aborted it sends nothing more, cancels its request and reports nothing', async () => {
    const buffer = new RecordingBuffer();
    buffer.append(new Blob(['ab']));
    const { requests, events, handle } = attempt(
      'http://x/u1',
      [answer(200, { 'Upload-Offset': '2' })],
      buffer,
    );
    await flush();
    // Waiting for the next chunk.
    expect(requests).toHaveLength(1);
    handle.abort();
    buffer.append(new Blob(['cd']));
    await flush();
    expect(requests).toHaveLength(1);
    expect(events.filter((e) => e.type === 'attemptFailed' || e.type === 'attemptSucceeded')).toEqual([]);
  });
});
