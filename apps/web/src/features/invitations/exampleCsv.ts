const dayMs = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-21": a calendar day `days` from `now`, on this browser's calendar. */
function dayFrom(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * dayMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A small file people can download, fill in and import; the deadline column is optional per row. Its one
 * deadline is two weeks from the day it is downloaded, so the file imports as it is on any day.
 */
export function buildExampleCsv(now = new Date()): string {
  return [
    'name,email,phone,external_id,deadline',
    'Ada Lovelace,ada@example.com,+44 20 7946 0000,ATS-1001,',
    `Grace Hopper,grace@example.com,,ATS-1002,${dayFrom(now, 14)} 17:00`,
  ].join('\r\n');
}

export const exampleCsvHref = (now = new Date()): string =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(buildExampleCsv(now))}`;

/** Column names as the CSV writes them, for problems reported against a column. */
export const csvColumnNames: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  external_id: 'external_id',
  externalId: 'external_id',
  deadline: 'deadline',
  csv: 'row',
};
