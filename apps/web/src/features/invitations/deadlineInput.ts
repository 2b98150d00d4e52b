import { getBrowserTimeZone, toZonedInstant } from '../interviews/format/timeZones.ts';

export { toLocalInputValue } from '../invitation-requests/describeRequest.ts';

/** The moment a datetime-local value means on this browser's clock, as ISO; null when it is not one. */
export function parseLocalDeadline(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The problem with a deadline typed into the form, or null when it is a moment in the future. */
export function checkLocalDeadline(value: string, now = Date.now()): string | null {
  const iso = parseLocalDeadline(value);
  if (!iso) return 'Enter a date and time, such as 1 May 2030 at 17:00';
  if (Date.parse(iso) <= now) return 'Choose a date and time in the future';
  return null;
}

/** "Your time zone (Europe/Madrid)": datetime-local inputs have none of their own. */
export function describeInputTimeZone(): string {
  return `In your time zone (${getBrowserTimeZone().replaceAll('_', ' ')}). Candidates see it in theirs.`;
}

/** The moment a datetime-local value means in the interview's time zone, as ISO; null when it is not one. */
export function parseZonedDeadline(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return null;
  return toZonedInstant({ date: match[1] ?? '', time: match[2] ?? '' }, timeZone)?.toISOString() ?? null;
}

/** The problem with a deadline typed for an interview, or null when it is a moment in the future. */
export function checkZonedDeadline(value: string, timeZone: string, now = Date.now()): string | null {
  const iso = parseZonedDeadline(value, timeZone);
  if (!iso) return 'Enter a date and time, such as 1 May 2030 at 17:00';
  if (Date.parse(iso) <= now) return 'Choose a date and time in the future';
  return null;
}

/** The rule every deadline typed for an interview follows, said next to the field (form and CSV alike). */
export function describeInterviewTimeZone(timeZone: string): string {
  return (
    `In the interview’s time zone, ${timeZone.replaceAll('_', ' ')} (change it in the interview’s settings). ` +
    'Candidates see it in theirs.'
  );
}
