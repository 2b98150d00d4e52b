import { retentionDaysOf, type InterviewRetentionChoice, type RetentionChoice } from '@oneway/shared';

const dayMs = 86_400_000;

/** What decides when a candidate's data closes (docs/decisions.md, 2026-12-07). */
export interface ClosingFacts {
  status: string;
  completedAt: string | null;
  /** When the employer withdrew the invitation. */
  withdrawnAt: string | null;
  deadlineAt: string;
  /** The current decision's time (a changed decision restarts the clock). */
  decidedAt: string | null;
  /** When the interview was archived. */
  archivedAt: string | null;
  /** When the candidate withdrew their consent before submitting (the interview stopped then). */
  consentWithdrawnAt: string | null;
}

const earliest = (values: (string | null)[]): string | null => {
  const present = values.filter((v): v is string => v !== null).sort();
  return present[0] ?? null;
};

const latest = (values: (string | null)[]): string | null => {
  const present = values.filter((v): v is string => v !== null).sort();
  return present.at(-1) ?? null;
};

/**
 * When a candidate's data closes, so retention starts counting; null while it is open.
 * - Submitted: at the team's decision, or when the interview is archived (never before the submission), whichever
 *   comes first. Until one of them, the team may still be reviewing, so nothing is counted.
 * - Not submitted: when the candidate can no longer answer: the invitation withdrawn, their consent withdrawn, or
 *   the deadline passed (a later extension opens it again and the clock restarts from the new deadline). Archiving
 *   does not stop a candidate from answering, so it does not close an unsubmitted invitation.
 */
export function decideClosedAt(facts: ClosingFacts, now: Date): string | null {
  if (facts.status === 'completed') {
    const archivedAfterSubmission = facts.archivedAt && latest([facts.archivedAt, facts.completedAt]);
    return earliest([facts.decidedAt, archivedAfterSubmission ?? null]);
  }
  const deadlinePassed = Date.parse(facts.deadlineAt) <= now.getTime() ? facts.deadlineAt : null;
  return earliest([facts.withdrawnAt, facts.consentWithdrawnAt, deadlinePassed]);
}

/** The days that apply to an interview: its own choice, else its organisation's default; null keeps. */
export function decideRetentionDays(
  interviewChoice: InterviewRetentionChoice,
  organisationDefault: RetentionChoice,
): number | null {
  return retentionDaysOf(interviewChoice === 'organisation' ? organisationDefault : interviewChoice);
}

/** When retention erases data that closed at `closedAt`; null when it is kept or still open. */
export function decideRetentionEraseAt(closedAt: string | null, days: number | null): string | null {
  if (closedAt === null || days === null) return null;
  return new Date(Date.parse(closedAt) + days * dayMs).toISOString();
}

/** The due date of a confirmed request: within the organisation's window. */
export const decideRequestDueAt = (confirmedAt: Date, windowDays: number): string =>
  new Date(confirmedAt.getTime() + windowDays * dayMs).toISOString();

/**
 * The daily job erases a confirmed request on its last run before the due date, so a request is never carried
 * out later than promised however the runs fall; retention, which has no legal deadline by the hour, once due.
 */
export function isDueNow(options: {
  retentionEraseAt: string | null;
  requestDueAt: string | null;
  now: Date;
}): 'retention' | 'candidate_request' | null {
  const { now } = options;
  if (options.requestDueAt && Date.parse(options.requestDueAt) - dayMs <= now.getTime()) {
    return 'candidate_request';
  }
  if (options.retentionEraseAt && Date.parse(options.retentionEraseAt) <= now.getTime()) return 'retention';
  return null;
}
