import { useEffect, useState } from 'react';
import { browserEngine } from './engine.ts';

/** How often the ready step looks again. */
const pollMs = 1_000;

/**
 * Whether another tab of this browser is recording (or finishing) a take right now, so the ready step can say so
 * before the candidate presses Start (start() would be refused with 'other_tab'). Always false without Web Locks.
 */
export function useRecordingElsewhere(): boolean {
  const [isElsewhere, setIsElsewhere] = useState(false);
  useEffect(() => {
    let live = true;
    const look = () =>
      void browserEngine()
        .isRecordingElsewhere()
        .then((value) => live && setIsElsewhere(value))
        .catch(() => undefined);
    look();
    const timer = window.setInterval(look, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return isElsewhere;
}
