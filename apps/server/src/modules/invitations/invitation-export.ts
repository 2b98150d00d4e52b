import type { Invitation } from '@oneway/shared';

const header = [
  'name',
  'email',
  'phone',
  'external_id',
  'status',
  'deadline',
  'invited_at',
  'opened_at',
  'started_at',
  'completed_at',
  'withdrawn_at',
  'expired_at',
  'last_activity_at',
  'accommodations_applied',
  'extensions_granted',
];

/** "+44 20 7946 0000": a plus, digits, spaces, dots, dashes and brackets, which no spreadsheet can run. */
const plainPhoneNumber = /^\+\d[\d ().-]*$/;

/**
 * A cell safe to open in a spreadsheet: text a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe (OWASP "CSV injection"), then RFC 4180 quoting where needed. A plain
 * phone number is left alone: it holds no formula, and the apostrophe would break importing the file again.
 */
export function toCsvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !plainPhoneNumber.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The invitations as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read accents right; CRLF lines). */
export function buildInvitationsCsv(invitations: Invitation[]): string {
  const lines = invitations.map((i) =>
    [
      i.name,
      i.email,
      i.phone,
      i.externalId,
      i.status,
      i.deadline,
      i.invitedAt,
      i.openedAt,
      i.startedAt,
      i.completedAt,
      i.withdrawnAt,
      i.expiredAt,
      i.lastActivityAt,
      // Only that accommodations applied, never which or why.
      i.hasAccommodations ? 'yes' : 'no',
      i.extensionsGranted,
    ]
      .map(toCsvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
