import {
  candidatePhoneSchema,
  emailSchema,
  externalIdSchema,
  maxInvitationCsvBytes,
  maxInvitationCsvRows,
  personNameSchema,
  type CsvInvitationRow,
  type CsvRowIssue,
} from '@oneway/shared';
import type { z } from 'zod';
import { AppError, validationFailed } from '../../errors.ts';
import { CsvSyntaxError, detectDelimiter, findEncodingProblemLine, parseCsv, type CsvRecord } from './csv.ts';
import { checkDeadline, parseCsvDeadline } from './deadlines.ts';

const columns = ['name', 'email', 'phone', 'external_id', 'deadline'] as const;
type Column = (typeof columns)[number];
const requiredColumns: Column[] = ['name', 'email'];

// "External ID", "external-id" and "externalId" all mean external_id; "E-mail" means email.
const normaliseHeader = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
const columnByHeader = new Map<string, Column>(columns.map((c) => [normaliseHeader(c), c]));
const isColumn = (value: string): value is Column => (columns as readonly string[]).includes(value);

/** Which column each position holds; refuses missing, unknown and repeated headers, naming them. */
function mapHeader(header: CsvRecord): (Column | null)[] {
  // An empty header cell (a trailing delimiter) is ignored as long as its column stays empty.
  const named = header.fields.map((h) =>
    h.trim() === '' ? null : (columnByHeader.get(normaliseHeader(h)) ?? h),
  );
  const unknown = named.filter((c): c is string => c !== null && !isColumn(c));
  const present = named.filter((c): c is Column => c !== null && isColumn(c));
  const missing = requiredColumns.filter((c) => !present.includes(c));
  const repeated = [...new Set(present.filter((c, i) => present.indexOf(c) !== i))];
  const problems = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : null,
    unknown.length > 0 ? `unknown ${unknown.map((u) => JSON.stringify(u.trim())).join(', ')}` : null,
    repeated.length > 0 ? `repeated ${repeated.join(', ')}` : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    throw validationFailed([
      {
        field: 'csv',
        message:
          `The header row has ${problems.join('; ')}. ` +
          `Use the headers name and email, and optionally phone, external_id and deadline.`,
      },
    ]);
  }
  return named.map((c) => (c !== null && isColumn(c) ? c : null));
}

/** Refuses what cannot be read at all: too large, not UTF-8 text, broken quoting, no rows or too many. */
export function readCsvRecords(csv: string): { header: (Column | null)[]; records: CsvRecord[] } {
  if (Buffer.byteLength(csv, 'utf8') > maxInvitationCsvBytes) {
    throw new AppError('payload_too_large', {
      message: 'The CSV file is larger than 10 MB. Split it into smaller files and import each one.',
    });
  }
  const badLine = findEncodingProblemLine(csv);
  if (badLine !== null) {
    throw new AppError('csv_encoding', {
      message:
        `The file is not UTF-8 text (line ${badLine} holds characters that could not be read). ` +
        'Save it as "CSV UTF-8" and try again.',
      details: { line: badLine },
    });
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(csv, detectDelimiter(csv.replace(/^\uFEFF/, '')));
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw validationFailed([{ field: 'csv', message: `Line ${err.line}: ${err.message}` }]);
  }
  const [header, ...rows] = records;
  if (!header) throw validationFailed([{ field: 'csv', message: 'The file is empty' }]);
  const mapped = mapHeader(header);
  if (rows.length === 0) throw validationFailed([{ field: 'csv', message: 'The file has no candidates' }]);
  if (rows.length > maxInvitationCsvRows) {
    throw validationFailed([
      {
        field: 'csv',
        message: `The file has ${rows.length} candidates; import at most ${maxInvitationCsvRows} at a time`,
      },
    ]);
  }
  return { header: mapped, records: rows };
}

const firstMessage = (error: z.ZodError): string => error.issues[0]?.message ?? 'Invalid value';

/** One record checked on its own (duplicates and existing invitations are checked across rows later). */
export function validateCsvRecord(
  header: (Column | null)[],
  record: CsvRecord,
  options: { defaultDeadline: string | null; timeZone: string; now: Date },
): { row: CsvInvitationRow | null; issues: CsvRowIssue[] } {
  const issues: CsvRowIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ line: record.line, field, message });
  const values: Partial<Record<Column, string>> = {};
  record.fields.forEach((value, i) => {
    const column = header[i];
    if (column) values[column] = value.trim();
    else if (value.trim() !== '') issue('csv', `Value in column ${i + 1}, which has no header`);
  });

  const name = personNameSchema.safeParse(values.name ?? '');
  if (!name.success) issue('name', values.name ? firstMessage(name.error) : 'Name is missing');
  const email = emailSchema.safeParse(values.email ?? '');
  if (!email.success) {
    issue(
      'email',
      values.email ? `Not an e-mail address: ${JSON.stringify(values.email)}` : 'E-mail is missing',
    );
  }
  const phone = values.phone ? candidatePhoneSchema.safeParse(values.phone) : null;
  if (phone && !phone.success) issue('phone', firstMessage(phone.error));
  const externalId = values.external_id ? externalIdSchema.safeParse(values.external_id) : null;
  if (externalId && !externalId.success) issue('external_id', firstMessage(externalId.error));

  let deadline = options.defaultDeadline;
  if (values.deadline) {
    deadline = parseCsvDeadline(values.deadline, options.timeZone);
    const problem =
      deadline === null ? 'Use a date such as 2030-05-01' : checkDeadline(deadline, options.now);
    if (problem) issue('deadline', `Bad deadline ${JSON.stringify(values.deadline)}: ${problem}`);
  } else if (deadline === null) {
    issue('deadline', "The interview's deadline has passed; give this row a deadline");
  }

  if (issues.length > 0 || !name.success || !email.success || deadline === null) return { row: null, issues };
  return {
    row: {
      line: record.line,
      name: name.data,
      email: email.data,
      phone: phone?.success ? phone.data : null,
      externalId: externalId?.success ? externalId.data : null,
      deadline,
    },
    issues,
  };
}
