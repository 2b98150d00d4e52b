import type { Decision } from '@oneway/shared';

export const decisionLabels: Record<Decision, string> = {
  advance: 'Advance',
  hold: 'Hold',
  reject: 'Reject',
};

/** The outcome e-mail each decision sends, as the e-mails page names it. */
export const outcomeEmailLabels: Record<Decision, string> = {
  advance: 'Outcome: next step',
  hold: 'Outcome: on hold',
  reject: 'Outcome: not moving forward',
};

/** How an average score is made, said next to it. */
export const averageRule =
  "The average is the mean of each rater's score: their overall score when they gave one, otherwise the mean " +
  'of their question scores. Rounded to two decimals.';

/** 3.5 -> "3.5", null -> "–" (with words for screen readers where it matters). */
export function formatScore(score: number | null): string {
  if (score === null) return '–';
  return Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/0$/, '');
}

/** Seconds as m:ss, the way a player shows time: 72.4 -> "1:12". */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1 minute 12 seconds", for labels read aloud. */
export function describeSeconds(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}
