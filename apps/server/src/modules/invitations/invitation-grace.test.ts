import { noAccommodations, type InterviewSnapshot } from '@oneway/shared';
import { describe, expect, it } from 'vitest';
import { computeGraceUntil } from './invitation-grace.ts';

const question = (id: string, overrides: Partial<InterviewSnapshot['questions'][number]> = {}) => ({
  id,
  promptText: 'Tell us about it.',
  answerType: 'video',
  think: { mode: 'timed', seconds: 30 },
  answerSeconds: 120,
  textMaxChars: null,
  takes: 2,
  startMode: 'ready',
  ...overrides,
});

const snapshot = {
  questions: [question('timed'), question('untimed', { answerSeconds: null })],
} as InterviewSnapshot;
const deadline = '2026-03-02T10:00:00.000Z';
const take = (questionId: string, createdAt: string, status = 'uploading', isPractice = 0) => ({
  question_id: questionId,
  created_at: createdAt,
  status: status as 'uploading',
  is_practice: isPractice,
});
const grace = (options: Partial<Parameters<typeof computeGraceUntil>[0]>) =>
  computeGraceUntil({
    deadline,
    snapshot,
    accommodations: noAccommodations,
    takes: [],
    reveals: [],
    mediaMaxSeconds: 1800,
    ...options,
  });

describe('computeGraceUntil', () => {
  it('gives a take opened before the deadline its answer limit after accommodations, plus 15 minutes', () => {
    expect(grace({ takes: [take('timed', '2026-03-02T09:59:00.000Z')] })).toBe('2026-03-02T10:16:00.000Z');
    expect(
      grace({
        takes: [take('timed', '2026-03-02T09:59:00.000Z')],
        accommodations: { ...noAccommodations, timeMultiplier: 2 },
      }),
    ).toBe('2026-03-02T10:18:00.000Z');
  });

  it('gives an untimed answer MEDIA_MAX_SECONDS, and takes the latest of several', () => {
    expect(
      grace({
        takes: [take('timed', '2026-03-02T09:59:00.000Z'), take('untimed', '2026-03-02T09:50:00.000Z')],
      }),
    ).toBe('2026-03-02T10:35:00.000Z');
  });

  it('gives nothing for takes after the deadline, practice, ended takes, or limits that end before it', () => {
    expect(grace({ takes: [take('timed', '2026-03-02T10:00:00.000Z')] })).toBeNull();
    expect(grace({ takes: [take('practice', '2026-03-02T09:59:00.000Z', 'uploading', 1)] })).toBeNull();
    expect(grace({ takes: [take('timed', '2026-03-02T09:59:00.000Z', 'abandoned')] })).toBeNull();
    expect(grace({ takes: [take('timed', '2026-03-02T09:00:00.000Z')] })).toBeNull();
  });

  it('gives a written question revealed before the deadline its think time and 30 minutes, plus 15', () => {
    const written = {
      questions: [question('w', { answerType: 'text', answerSeconds: null })],
    } as InterviewSnapshot;
    const reveals = [{ question_id: 'w', revealed_at: '2026-03-02T09:58:00.000Z' }];
    expect(grace({ snapshot: written, reveals })).toBe('2026-03-02T10:43:30.000Z');
    // A video question's reveal alone gives nothing: its take does.
    expect(
      grace({ reveals: [{ question_id: 'timed', revealed_at: '2026-03-02T09:58:00.000Z' }] }),
    ).toBeNull();
  });
});
