import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TakeRecorderState } from './recorder.ts';

const thresholds = [60, 30, 10];

/**
 * A polite live region that announces only what matters while recording (WCAG 4.1.3): started, 60/30/10 seconds
 * left, stopped. A visible timer alone announces nothing, and announcing every tick would drown the candidate.
 */
export function TimeAnnouncer({
  phase,
  remaining,
}: {
  phase: TakeRecorderState['phase'];
  remaining: number | null;
}) {
  const { t } = useTranslation('candidate');
  const [message, setMessage] = useState('');
  const previous = useRef(phase);
  const announced = useRef(new Set<number>());

  // The same words twice in a row are not read again; a trailing no-break space makes them new.
  const say = (text: string) => setMessage((old) => (old === text ? `${text}\u00a0` : text));

  useEffect(() => {
    const was = previous.current;
    previous.current = phase;
    if (phase === 'recording' && was !== 'recording') {
      // Limits shorter than a threshold never announce it (a 30-second answer starts without "60 seconds left").
      announced.current = new Set(thresholds.filter((s) => remaining !== null && remaining <= s));
      say(t('interview.announce.started'));
    } else if (was === 'recording' && phase !== 'recording') {
      say(t('interview.announce.stopped'));
    }
    // Only phase changes matter here; `remaining` is read as it is at that moment.
  }, [phase, t]);

  useEffect(() => {
    if (phase !== 'recording' || remaining === null) return;
    const due = thresholds.filter((s) => remaining <= s && !announced.current.has(s));
    if (due.length === 0) return;
    due.forEach((s) => announced.current.add(s));
    say(t('interview.announce.left', { count: Math.min(...due) }));
  }, [phase, remaining, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}
