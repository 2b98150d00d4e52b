import { describe, expect, it } from 'vitest';
import type { PromptVideo, Question } from '@oneway/shared';
import { buildInterviewSnapshot, serialiseSnapshot, toCanonicalJson } from './interview-snapshot.ts';
import type { InterviewSettings } from './interview-rows.ts';

describe('canonical snapshot JSON', () => {
  it('gives the same text whatever the key order', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: null }], x: 'é' } };
    const b = { a: { x: 'é', y: [1, { p: null, q: 2 }] }, b: 1 };
    expect(toCanonicalJson(a)).toBe(toCanonicalJson(b));
    expect(toCanonicalJson(a)).toBe('{"a":{"x":"é","y":[1,{"p":null,"q":2}]},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(toCanonicalJson([2, 1])).not.toBe(toCanonicalJson([1, 2]));
  });

  it('leaves out undefined fields as JSON does', () => {
    expect(toCanonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('interview snapshots with prompt videos', () => {
  const settings = {
    title: 'Account Executive',
    roleTitle: 'Sales',
    introText: 'Welcome',
    instructions: '',
    language: 'en',
    accentColour: null,
    practiceQuestion: { enabled: true, promptText: 'Practice', think: { mode: 'none' }, answerSeconds: 30 },
  } as InterviewSettings;
  const video = (status: PromptVideo['status']): PromptVideo => ({
    id: `video-${status}`,
    status,
    failureReason: null,
    durationSeconds: 2,
    hasCaptions: false,
    createdAt: '2026-11-26T10:00:00.000Z',
  });
  const question = (promptVideo: PromptVideo | null): Question => ({
    id: 'q1',
    position: 0,
    promptText: 'Why us?',
    answerType: 'video',
    think: { mode: 'timed', seconds: 30 },
    answerSeconds: 60,
    textMaxChars: null,
    takes: 2,
    startMode: 'ready',
    rubric: null,
    promptVideo,
  });

  it('leaves videos out when there are none or they are not ready, so the text and hash stay as before', () => {
    const without = serialiseSnapshot(buildInterviewSnapshot(settings, [question(null)], null));
    expect(without.json).not.toContain('Video');
    for (const status of ['processing', 'failed'] as const) {
      const pending = buildInterviewSnapshot(settings, [question(video(status))], video(status));
      expect(serialiseSnapshot(pending)).toEqual(without);
    }
  });

  it('names ready videos by id only', () => {
    const snapshot = buildInterviewSnapshot(settings, [question(video('ready'))], video('ready'));
    expect(snapshot.introVideoId).toBe('video-ready');
    expect(snapshot.questions[0]?.promptVideoId).toBe('video-ready');
    expect(snapshot.questions[0]).not.toHaveProperty('promptVideo');
  });
});
