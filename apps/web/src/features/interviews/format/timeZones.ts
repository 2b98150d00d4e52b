/** The reader's own time zone, e.g. "Europe/Madrid". */
export function getBrowserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let cachedTimeZones: string[] | null = null;

/** Every IANA time zone the browser knows, plus `current` if it is missing (e.g. "UTC" in Chromium). */
export function listTimeZones(current: string): { value: string; label: string }[] {
  cachedTimeZones ??= Intl.supportedValuesOf('timeZone');
  const zones = cachedTimeZones.includes(current) ? cachedTimeZones : [current, ...cachedTimeZones];
  return zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

interface WallTime {
  date: string;
  time: string;
}

function getZoneParts(instant: number, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function getZoneOffset(instant: number, timeZone: string): number {
  const p = getZoneParts(instant, timeZone);
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a wall-clock date ("2030-05-01") and time ("17:00") in a time zone, or null. */
export function toZonedInstant({ date, time }: WallTime, timeZone: string): Date | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [, y, mo, d] = dateMatch.map(Number);
  const [, h, mi] = timeMatch.map(Number);
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Twice, because the offset can differ on either side of a daylight-saving change.
  let instant = wall - getZoneOffset(wall, timeZone);
  instant = wall - getZoneOffset(instant, timeZone);
  return Number.isNaN(instant) ? null : new Date(instant);
}

/** The wall-clock date and time of an instant in a time zone, as form values. */
export function toWallTime(iso: string, timeZone: string): WallTime {
  const p = getZoneParts(new Date(iso).getTime(), timeZone);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return {
    date: `${p.year ?? ''}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** A fixed deadline as its own time zone reads it, e.g. "1 May 2030, 17:00 (Europe/Madrid)". */
export function formatZonedDateTime(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone.replaceAll('_', ' ')})`;
}
