import { describe, expect, it } from 'vitest';
import { initialStep, thinkTimesOf, type FlowQuestion } from './flowQuestion.ts';

const revealedAt = Date.parse('2030-01-01T10:00:00.000Z');

function question(change: Partial<FlowQuestion> = {}): FlowQuestion {
  return {
    questionId: 'q1',
    isPractice: false,
    answerType: 'video',
    think: 30,
    answerSeconds: 120,
    textMaxChars: null,
    startMode: 'auto',
    prompt: 'Tell us about a project you are proud of.',
    revealedAt: new Date(revealedAt).toISOString(),
    takesLeft: 2,
    answer: null,
    savedTakes: [],
    unfinishedTake: null,
    video: null,
    ...change,
  };
}

const video = (durationSeconds: number) => ({ questionId: 'q1', durationSeconds, playback: null });

describe('thinkTimesOf', () => {
  it('starts think time when the video prompt has had its length', () => {
    expect(thinkTimesOf(question({ video: video(12.5) }), revealedAt)).toEqual({
      thinkStartsAt: revealedAt + 12_500,
      thinkEndsAt: revealedAt + 42_500,
    });
  });

  it('starts think time at once without a video', () => {
    expect(thinkTimesOf(question(), revealedAt)).toEqual({
      thinkStartsAt: null,
      thinkEndsAt: revealedAt + 30_000,
    });
  });

  it('ends the think step with the video when there is no think time', () => {
    expect(thinkTimesOf(question({ think: 'none', video: video(8) }), revealedAt).thinkEndsAt).toBe(
      revealedAt + 8_000,
    );
  });

  it('has no end when think time is unlimited, video or not', () => {
    expect(thinkTimesOf(question({ think: null, video: video(8) }), revealedAt)).toEqual({
      thinkStartsAt: revealedAt + 8_000,
      thinkEndsAt: null,
    });
  });
});

describe('initialStep', () => {
  it('opens practice on its rules, nothing timed, whatever its think time', () => {
    for (const think of ['none', null, 30] as const) {
      expect(initialStep(question({ isPractice: true, think }), revealedAt)).toEqual({
        step: 'intro',
        thinkStartsAt: null,
        thinkEndsAt: null,
      });
    }
  });

  it('gives a reloaded page the same think deadline, after the video', () => {
    const step = initialStep(question({ video: video(20) }), revealedAt + 5_000);
    expect(step).toEqual({
      step: 'thinking',
      thinkStartsAt: revealedAt + 20_000,
      thinkEndsAt: revealedAt + 50_000,
    });
  });

  it('is past thinking once the video and the think time have both passed', () => {
    expect(initialStep(question({ video: video(20) }), revealedAt + 50_001).step).toBe('ready');
    expect(initialStep(question({ video: video(20) }), revealedAt + 49_000).step).toBe('thinking');
  });

  it('never gives more than the video and the think time when the server clock is ahead', () => {
    const now = revealedAt - 60_000;
    expect(initialStep(question({ video: video(10) }), now).thinkEndsAt).toBe(now + 40_000);
  });

  it('shows the rules before the question is revealed', () => {
    expect(initialStep(question({ prompt: null, revealedAt: null, video: video(10) }), revealedAt).step).toBe(
      'intro',
    );
  });
});
