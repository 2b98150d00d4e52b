import type { DeadlinePolicy, InterviewLanguage } from '@oneway/shared';

const dayMs = 86_400_000;
/** Deadlines further away than this are almost certainly typing mistakes. */
export const maxDeadlineDays = 366;

const locales: Record<InterviewLanguage, string> = { en: 'en-GB', es: 'es-ES' };

// Building an Intl.DateTimeFormat costs about a millisecond; an import formats the same few deadlines many times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function getFormatter(locale: string, timeZone: string, part: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${part}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      part === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Friday 4 December 2026, 17:00 (Europe/London)", in the interview's language and the zone given. */
export function formatDeadline(iso: string, language: InterviewLanguage, timeZone: string): string {
  const date = new Date(iso);
  const locale = locales[language];
  const day = getFormatter(locale, timeZone, 'day').format(date);
  const time = getFormatter(locale, timeZone, 'time').format(date);
  // en-GB writes "Friday, 4 December"; British style drops that comma.
  const dayText = language === 'en' ? day.replace(/^(\p{L}+),/u, '$1') : day;
  return `${dayText}, ${time} (${timeZone})`;
}

/** How far the zone's clock is ahead of UTC at that moment, in ms. */
function zoneOffsetMs(at: number, timeZone: string): number {
  const key = `offset|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (at - (at % 1000));
}

/** The UTC moment at which the zone's clocks show this wall time (the later one across a DST change). */
export function wallTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return new Date(asUtc - zoneOffsetMs(first, timeZone));
}

/** The deadline an invitation gets without one of its own; null when a fixed deadline has already passed. */
export function resolveDefaultDeadline(policy: DeadlinePolicy, now: Date): string | null {
  if (policy.mode === 'relative') return new Date(now.getTime() + policy.days * dayMs).toISOString();
  return Date.parse(policy.at) > now.getTime() ? new Date(policy.at).toISOString() : null;
}

/** Why a deadline cannot be used, or null when it can. */
export function checkDeadline(iso: string, now: Date): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'Use a date and time such as 2030-05-01T17:00:00+02:00';
  if (at <= now.getTime()) return 'Choose a deadline in the future';
  if (at > now.getTime() + maxDeadlineDays * dayMs) return `Choose a deadline within ${maxDeadlineDays} days`;
  return null;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const wallTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * A deadline typed in a CSV: a full ISO date-time with its offset, or a date (the end of that day, 23:59) or date
 * and time without one, read in `timeZone`. Returns the UTC ISO string, or null when it is not a date.
 */
export function parseCsvDeadline(value: string, timeZone: string): string | null {
  if (isoWithZone.test(value)) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  const match = wallTime.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hour = match[4] === undefined ? 23 : Number(match[4]);
  const minute = match[5] === undefined ? 59 : Number(match[5]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  return wallTimeToUtc({ year, month, day, hour, minute }, timeZone).toISOString();
}
