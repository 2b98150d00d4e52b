import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createServerClock,
  isAnswerTimeUp,
  mayEndAfterDeadline,
  refreshRetryDelayMs,
  secondsLeft,
  startStopwatch,
  untimedAnswerSeconds,
} from './timing.ts';

/** A clock a test moves by hand. */
function manualClock(start = 0) {
  let now = start;
  return { read: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

const tenMinutes = 10 * 60_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('startStopwatch', () => {
  it('measures with the monotonic clock: a wall-clock jump of +10 minutes does not move the answer time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2030-01-01T10:00:00Z'));
    const elapsed = startStopwatch();
    vi.setSystemTime(Date.parse('2030-01-01T10:00:00Z') + tenMinutes);
    expect(elapsed()).toBeLessThan(60);
    expect(isAnswerTimeUp(elapsed(), 30)).toBe(false);
  });

  it('counts the time that really passed on its clock, never below 0', () => {
    const clock = manualClock(5000);
    const elapsed = startStopwatch(clock.read);
    clock.advance(12_500);
    expect(elapsed()).toBe(12.5);
    clock.set(0);
    expect(elapsed()).toBe(0);
  });
});

describe('isAnswerTimeUp', () => {
  it('stops a timed answer at its limit and never an untimed one', () => {
    expect(isAnswerTimeUp(29.9, 30)).toBe(false);
    expect(isAnswerTimeUp(30, 30)).toBe(true);
    expect(isAnswerTimeUp(3600, null)).toBe(false);
  });
});

describe('secondsLeft', () => {
  it('counts down to the end and stops at 0', () => {
    expect(secondsLeft(10_000, 4000)).toBe(6);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(secondsLeft(null, 4000)).toBeNull();
  });
});

describe('createServerClock', () => {
  const serverTime = '2030-01-01T10:00:00.000Z';
  const server = Date.parse(serverTime);

  it("uses the device's clock until the server has told its time", () => {
    const clock = createServerClock(manualClock(100).read, () => 42);
    expect(clock.now()).toBe(42);
  });

  it("follows the server's time on a device whose clock is an hour wrong", () => {
    const mono = manualClock(1000);
    const clock = createServerClock(mono.read, () => server - 3_600_000);
    clock.sync(serverTime, 1000, 1200);
    mono.set(1200);
    expect(clock.now()).toBe(server + 100);
    mono.advance(30_000);
    expect(clock.now()).toBe(server + 30_100);
  });

  it('does not move when the wall clock jumps', () => {
    const mono = manualClock(0);
    let wall = server;
    const clock = createServerClock(mono.read, () => wall);
    clock.sync(serverTime, 0, 0);
    mono.advance(5000);
    wall += tenMinutes;
    expect(clock.now()).toBe(server + 5000);
  });

  it('keeps its reading when a slower answer agrees with it, so countdowns never jump by jitter', () => {
    const mono = manualClock(0);
    const clock = createServerClock(mono.read, () => 0);
    clock.sync(serverTime, 0, 100);
    // Two seconds later a slow answer (4 s round trip) says a time 1 s off: within its own margin of 2 s.
    clock.sync(new Date(server + 50 + 2000 - 1000).toISOString(), 0, 4000);
    mono.set(10_000);
    expect(clock.now()).toBe(server + 10_000 - 50);
  });

  it('takes a reading that disagrees beyond both margins (the device slept, its monotonic clock stood still)', () => {
    const mono = manualClock(0);
    const clock = createServerClock(mono.read, () => 0);
    clock.sync(serverTime, 0, 100);
    const later = server + tenMinutes;
    clock.sync(new Date(later).toISOString(), 1000, 1400);
    mono.set(1200);
    expect(clock.now()).toBe(later);
  });

  it('ignores an unreadable server time', () => {
    const clock = createServerClock(manualClock(0).read, () => 7);
    clock.sync('not a time', 0, 10);
    expect(clock.now()).toBe(7);
  });
});

describe('mayEndAfterDeadline', () => {
  const deadline = Date.parse('2030-01-01T12:00:00Z');
  const span = { videoSeconds: 0, think: 30, answerSeconds: 120 };

  it('warns when think time and answer time would run past the deadline', () => {
    expect(mayEndAfterDeadline(deadline, deadline - 149_000, span)).toBe(true);
    expect(mayEndAfterDeadline(deadline, deadline - 150_000, span)).toBe(false);
  });

  it("counts the video prompt's length, and nothing for think time the candidate may skip", () => {
    expect(mayEndAfterDeadline(deadline, deadline - 130_000, { ...span, videoSeconds: 20 })).toBe(true);
    expect(mayEndAfterDeadline(deadline, deadline - 121_000, { ...span, think: null })).toBe(false);
    expect(mayEndAfterDeadline(deadline, deadline - 121_000, { ...span, think: 'none' })).toBe(false);
  });

  it('counts an untimed answer as long as the server lets one finish', () => {
    const untimed = { videoSeconds: 0, think: null, answerSeconds: null };
    expect(mayEndAfterDeadline(deadline, deadline - untimedAnswerSeconds * 1000 + 1, untimed)).toBe(true);
    expect(mayEndAfterDeadline(deadline, deadline - untimedAnswerSeconds * 1000, untimed)).toBe(false);
  });

  it('says nothing once the deadline has passed (starting is refused then, with its own message)', () => {
    expect(mayEndAfterDeadline(deadline, deadline, span)).toBe(false);
  });
});

describe('refreshRetryDelayMs', () => {
  it('waits longer after each failure, at most 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(refreshRetryDelayMs)).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});
