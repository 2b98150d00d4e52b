import { getBrowserTimeZone } from '../interviews/format/timeZones.ts';

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
