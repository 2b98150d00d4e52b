import { useEffect, useRef, useState } from 'react';
import { secondsLeft, startStopwatch, type Clock } from './timing.ts';

const tickMs = 250;

/**
 * Seconds left until `endsAt`, a time on `clock` (the server's clock for think time, the monotonic clock for a
 * limit that started on this page), updated a few times a second; `onEnd` runs once when it reaches 0.
 */
export function useCountdown(endsAt: number | null, onEnd: () => void, clock: Clock): number | null {
  const [now, setNow] = useState(clock);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    if (endsAt === null) return;
    let ended = false;
    const tick = () => {
      const current = clock();
      setNow(current);
      if (!ended && current >= endsAt) {
        ended = true;
        onEndRef.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, tickMs);
    return () => window.clearInterval(timer);
  }, [endsAt, clock]);

  return secondsLeft(endsAt, now);
}

/**
 * Seconds since `running` last became true (0 before), updated a few times a second while running. Measured on the
 * monotonic clock: a wall-clock correction mid-answer must not reach the answer-time limit.
 */
export function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  const [wasRunning, setWasRunning] = useState(running);
  // A new run starts from 0 in the very render it begins: the last run's time must never stop a new take at once.
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setElapsed(0);
  }

  useEffect(() => {
    if (!running) return;
    const read = startStopwatch();
    const timer = window.setInterval(() => setElapsed(read()), tickMs);
    return () => window.clearInterval(timer);
  }, [running]);

  return elapsed;
}

/** A clock's reading, read again every `everyMs` (for what changes slowly, like the deadline drawing near). */
export function useNow(clock: Clock, everyMs: number): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clock()), everyMs);
    return () => window.clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
