import {
  jobNames,
  type CsvInvitationRow,
  type CsvRowIssue,
  type Interview,
  type InvitationImportPreview,
} from '@oneway/shared';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { isUniqueViolation } from '../accounts/unique-violation.ts';
import { resolveDefaultDeadline } from './deadlines.ts';
import { announceInvitations, assertInterviewHasQuestions, buildInvitationRow } from './invitation-access.ts';
import { readCsvRecords, validateCsvRecord } from './invitation-csv.ts';
import { assertInterviewActive } from './invitation-state.ts';
import type { InterviewRef, InvitationsContext } from './invitations.context.ts';
import { findInvitationIdsWithEmail } from './invitation-mail.repository.ts';
import {
  findInvitationsByIds,
  findInvitedEmails,
  insertInvitations,
  updateInvitation,
} from './invitations.repository.ts';

const announceBatchSize = 100;

interface CsvAnalysis extends InvitationImportPreview {
  interview: Interview;
}

export function createInvitationImportFunctions(ctx: InvitationsContext) {
  const { db, clock, queue, interviews } = ctx;

  /** Reads and checks every row: each problem with its line, field and reason; duplicates across the file too. */
  async function analyseCsv(options: InterviewRef & { csv: string }): Promise<CsvAnalysis> {
    const interview = await interviews.getInterview(options);
    assertInterviewActive(interview);
    assertInterviewHasQuestions(interview);
    const { header, records } = readCsvRecords(options.csv);
    const now = clock.now();
    const policy = interview.deadlinePolicy;
    const rowOptions = {
      defaultDeadline: resolveDefaultDeadline(policy, now),
      // Dates without an offset are read in the interview's time zone, as the invite form reads its field.
      timeZone: interview.timeZone,
      now,
    };
    const errors: CsvRowIssue[] = [];
    const checked: CsvInvitationRow[] = [];
    for (const record of records) {
      const { row, issues } = validateCsvRecord(header, record, rowOptions);
      errors.push(...issues);
      if (row) checked.push(row);
    }

    const firstLineByEmail = new Map<string, number>();
    const unique: CsvInvitationRow[] = [];
    for (const row of checked) {
      const first = firstLineByEmail.get(row.email);
      if (first === undefined) {
        firstLineByEmail.set(row.email, row.line);
        unique.push(row);
      } else {
        errors.push({ line: row.line, field: 'email', message: `Duplicate of line ${first}: ${row.email}` });
      }
    }
    // One query per 500 addresses, not one per row.
    const taken = await findInvitedEmails(db, {
      interviewId: interview.id,
      emails: unique.map((r) => r.email),
    });
    const valid = unique.filter((row) => {
      if (!taken.has(row.email)) return true;
      errors.push({ line: row.line, field: 'email', message: `Already invited: ${row.email}` });
      return false;
    });
    errors.sort((a, b) => a.line - b.line);
    return { interview, rowCount: records.length, valid, errors };
  }

  return {
    /** The `invitation.announce` job: e-mails each imported candidate not yet e-mailed a link of their own. */
    async announceImportedInvitations(payload: { invitationIds: string[]; actorUserId: string | null }) {
      const rows = await findInvitationsByIds(db, payload.invitationIds);
      const announced = await findInvitationIdsWithEmail(db, {
        invitationIds: payload.invitationIds,
        kind: 'invitation',
      });
      const pending = rows.filter((row) => row.status === 'invited' && !announced.has(row.id));
      const first = pending[0];
      if (!first) return;
      const scope = await ctx.mailer.loadMailScope({
        organisationId: first.organisation_id,
        interviewId: first.interview_id,
      });
      for (const row of pending) {
        const token = createToken();
        await updateInvitation(db, { invitationId: row.id }, { token_hash: hashToken(token) });
        await announceInvitations(ctx, scope, [{ row, token }], { actorUserId: payload.actorUserId });
      }
    },

    /** What an import of this CSV would do, changing nothing. */
    async previewInvitationImport(options: InterviewRef & { csv: string }): Promise<InvitationImportPreview> {
      const { rowCount, valid, errors } = await analyseCsv(options);
      return { rowCount, valid, errors };
    },

    /**
     * Invites every candidate of the CSV, or nobody: any bad row refuses the whole file. The rows are stored in one
     * transaction; after it commits, `invitation.announce` jobs e-mail the links in batches.
     */
    async importInvitations(
      options: InterviewRef & { userId: string; csv: string },
    ): Promise<{ created: number }> {
      const { interview, valid, errors } = await analyseCsv(options);
      if (errors.length > 0) {
        const lines = new Set(errors.map((e) => e.line)).size;
        throw new AppError('validation_failed', {
          message: `${lines} ${lines === 1 ? 'row has' : 'rows have'} problems; nothing was imported. Fix them and try again.`,
          details: {
            fields: errors.map((e) => ({ field: `line ${e.line}: ${e.field}`, message: e.message })),
            rows: errors,
          },
        });
      }
      const version = await interviews.getOrCreateCurrentVersion(options);
      const now = isoNow(clock);
      const rows = valid.map((row) =>
        buildInvitationRow({
          organisationId: options.organisationId,
          interviewId: interview.id,
          versionId: version.id,
          userId: options.userId,
          // A stand-in nobody holds a token for: the announce job makes the real link when it e-mails it.
          tokenHash: hashToken(createToken()),
          name: row.name,
          email: row.email,
          phone: row.phone,
          externalId: row.externalId,
          deadline: row.deadline,
          now,
        }),
      );
      try {
        await db.transaction().execute((trx) => insertInvitations(trx, rows));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw new AppError('invitation_exists', {
          message:
            'Someone in the file was invited to this interview meanwhile; nothing was imported. Try again.',
        });
      }
      // E-mails go out from jobs: a thousand of them would hold the request for seconds, and a job that dies half-way
      // is retried where a request is not.
      for (let i = 0; i < rows.length; i += announceBatchSize) {
        const invitationIds = rows.slice(i, i + announceBatchSize).map((r) => r.id);
        await queue.enqueue(
          jobNames.invitationAnnounce,
          { invitationIds, actorUserId: options.userId },
          { dedupeKey: `invitation/${invitationIds[0]}/announce` },
        );
      }
      return { created: rows.length };
    },
  };
}
