/**
 * The question pages' sense of time, as pure functions over injected clocks (tested in Node). Durations on the
 * page (the answer-time limit, the text answer's limit) use a monotonic clock: a wall-clock correction (NTP, a
 * laptop waking up) must never stop a recording. Moments the server set (a question's reveal, the deadline) are
 * compared with the server's clock, estimated from its `serverTime`, so a device whose clock is wrong still counts
 * the think time and the deadline right.
 */

/** A clock reading in milliseconds. */
export type Clock = () => number;

/** Milliseconds that only move forward at the pace of time: wall-clock changes never move it. */
export const monotonicClock: Clock = () => performance.now();

/** Seconds from `startedAt` to `now`, two readings of one clock; never negative. */
export function secondsSince(startedAt: number, now: number): number {
  return Math.max(0, (now - startedAt) / 1000);
}

/** Seconds left until `endsAt` on a clock, never below 0; null when there is no end. */
export function secondsLeft(endsAt: number | null, now: number): number | null {
  return endsAt === null ? null : Math.max(0, (endsAt - now) / 1000);
}

/** Starts measuring: the returned function gives the seconds since, on `clock` (monotonic unless a test says). */
export function startStopwatch(clock: Clock = monotonicClock): () => number {
  const startedAt = clock();
  return () => secondsSince(startedAt, clock());
}

/** True once an answer with a limit of `limit` seconds (null: untimed) has run `elapsed` seconds. */
export function isAnswerTimeUp(elapsed: number, limit: number | null): boolean {
  return limit !== null && elapsed >= limit;
}

/** How long to wait before asking the server again after the `attempt`-th failure (from 0): 2 s, 4 s... 30 s. */
export function refreshRetryDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt));
}

/** The server's clock as this page knows it: its last good reading, moved on by the monotonic clock. */
export interface ServerClock {
  /** The server's time now (epoch ms); the device's own clock until the server has told its time. */
  now: Clock;
  /** Takes in the server's time of an answer to a request sent at `sentAt`, received at `receivedAt` (monotonic). */
  sync: (serverTime: string, sentAt: number, receivedAt: number) => void;
}

interface Reading {
  server: number;
  monotonic: number;
  /** Half the round trip: the server read its clock at most this far from `monotonic`. */
  uncertainty: number;
}

export function createServerClock(monotonic: Clock, wall: Clock): ServerClock {
  let anchor: Reading | null = null;
  return {
    now: () => (anchor ? anchor.server + (monotonic() - anchor.monotonic) : wall()),
    sync: (serverTime, sentAt, receivedAt) => {
      const server = Date.parse(serverTime);
      if (Number.isNaN(server) || receivedAt < sentAt) return;
      const reading = {
        server,
        monotonic: (sentAt + receivedAt) / 2,
        uncertainty: (receivedAt - sentAt) / 2,
      };
      // A slower answer that agrees with the reading we have would only add jitter: the countdowns must not jump.
      // One that disagrees beyond both margins means the old reading went wrong (the device slept): take it.
      const drift = anchor ? Math.abs(server - (anchor.server + (reading.monotonic - anchor.monotonic))) : 0;
      if (
        !anchor ||
        reading.uncertainty <= anchor.uncertainty ||
        drift > anchor.uncertainty + reading.uncertainty
      ) {
        anchor = reading;
      }
    },
  };
}

/** The server's clock for every candidate page (synced by each answer of GET /candidate/interview). */
export const serverClock: ServerClock = createServerClock(monotonicClock, () => Date.now());

/**
 * An untimed answer counts as this long: the server lets an untimed answer started before the deadline finish for
 * as long (its longest recording and its untimed text allowance are both 30 minutes by default).
 */
export const untimedAnswerSeconds = 30 * 60;

/** What an answer about to start may still take: the video prompt, think time and answer time (accommodated). */
export interface AnswerSpan {
  videoSeconds: number;
  /** 'none' and null (as long as the candidate wants: they may start at once) count as nothing. */
  think: number | 'none' | null;
  /** null: untimed (see untimedAnswerSeconds). */
  answerSeconds: number | null;
}

/** True when an answer started at `now`, before the `deadline`, may end after it (both epoch ms, server time). */
export function mayEndAfterDeadline(deadline: number, now: number, span: AnswerSpan): boolean {
  if (now >= deadline) return false;
  const think = typeof span.think === 'number' ? span.think : 0;
  const answer = span.answerSeconds ?? untimedAnswerSeconds;
  return now + (span.videoSeconds + think + answer) * 1000 > deadline;
}
