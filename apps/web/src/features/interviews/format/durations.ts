/** "1 take", "2 takes". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A length of time in words: "45 seconds", "2 minutes", "1 minute 30 seconds". */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    minutes > 0 ? plural(minutes, 'minute', 'minutes') : null,
    seconds > 0 || minutes === 0 ? plural(seconds, 'second', 'seconds') : null,
  ];
  return parts.filter(Boolean).join(' ');
}

/** Minutes and seconds as form values, e.g. 90 -> { minutes: '1', seconds: '30' }. */
export function splitDuration(totalSeconds: number): { minutes: string; seconds: string } {
  return { minutes: String(Math.floor(totalSeconds / 60)), seconds: String(totalSeconds % 60) };
}
