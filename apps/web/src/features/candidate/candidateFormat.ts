import type { TFunction } from 'i18next';

/** "45 seconds", "2 minutes", "1 minute 30 seconds", in the page's language. */
export function formatDuration(t: TFunction<'candidate'>, totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return t('duration.seconds', { count: seconds });
  if (seconds === 0) return t('duration.minutes', { count: minutes });
  return t('duration.minutesSeconds', {
    minutes: t('duration.minutes', { count: minutes }),
    seconds: t('duration.seconds', { count: seconds }),
  });
}

/** The browser's IANA time zone, e.g. Europe/Madrid; UTC when the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The browser's own variant of the page's language when it has one (en-GB writes 17:00 and 4 December, en-US
 * 5:00 PM and December 4), otherwise the language itself.
 */
function localeFor(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** A moment as a full date and time in `language`, on the clocks of `timeZone`. */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor(language), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** A date without the time, e.g. for when a request was made. */
export function formatDay(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** "1.5" or "1,5" as the language writes it. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language)).format(value);
}
