import { useEffect, useRef, useState } from 'react';

const tickMs = 250;

/** Seconds left until `endsAt` (epoch ms), updated a few times a second; `onEnd` runs once when it reaches 0. */
export function useCountdown(endsAt: number | null, onEnd: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    if (endsAt === null) return;
    let ended = false;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (!ended && current >= endsAt) {
        ended = true;
        onEndRef.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, tickMs);
    return () => window.clearInterval(timer);
  }, [endsAt]);

  return endsAt === null ? null : Math.max(0, (endsAt - now) / 1000);
}

/** Seconds since `running` last became true (0 before), updated a few times a second while running. */
export function useElapsed(running: boolean): number {
  const [span, setSpan] = useState<{ startedAt: number; now: number } | null>(null);
  const [wasRunning, setWasRunning] = useState(running);
  // A new run starts from 0 in the very render it begins: the last run's time must never stop a new take at once.
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setSpan(null);
  }

  useEffect(() => {
    if (!running) return;
    const startedAt = Date.now();
    setSpan({ startedAt, now: startedAt });
    const timer = window.setInterval(() => setSpan({ startedAt, now: Date.now() }), tickMs);
    return () => window.clearInterval(timer);
  }, [running]);

  return span === null ? 0 : Math.max(0, (span.now - span.startedAt) / 1000);
}
