import type { InterviewRetentionChoice, RetentionChoice, RetentionCandidate } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import { findErasableInvitation } from './erasure.repository.ts';
import type { ErasureService } from './erasure.service.ts';
import { findPrivacySettings, listInterviewRetentionChoices } from './privacy-settings.repository.ts';
import { decideClosedAt, decideRetentionDays, decideRetentionEraseAt, isDueNow } from './retention-rules.ts';
import {
  listOrganisationIdsWithInvitations,
  listRetentionRows,
  type RetentionRow,
} from './retention.repository.ts';

/** Where one candidate stands: when their data closed, and when each kind of erasure falls due. */
export interface RetentionPlan {
  row: RetentionRow;
  closedAt: string | null;
  retentionEraseAt: string | null;
  requestDueAt: string | null;
  legalHold: boolean;
  /** The retention days that apply; null keeps. */
  days: number | null;
}

export function planRetention(row: RetentionRow, days: number | null, now: Date): RetentionPlan {
  const closedAt = decideClosedAt(
    {
      status: row.status,
      completedAt: row.completed_at,
      withdrawnAt: row.withdrawn_at,
      deadlineAt: row.deadline_at,
      decidedAt: row.decided_at,
      archivedAt: row.archived_at,
      consentWithdrawnAt: row.consent_withdrawn_at,
    },
    now,
  );
  return {
    row,
    closedAt,
    retentionEraseAt: decideRetentionEraseAt(closedAt, days),
    requestDueAt: row.request_confirmed_at ? row.request_due_at : null,
    legalHold: row.hold_placed_at !== null,
    days,
  };
}

/** The plan as the interview page shows it: the first erasure that will happen, and why. */
export function toRetentionCandidate(plan: RetentionPlan): RetentionCandidate {
  const dates = [
    plan.requestDueAt ? { at: plan.requestDueAt, reason: 'candidate_request' as const } : null,
    plan.retentionEraseAt ? { at: plan.retentionEraseAt, reason: 'retention' as const } : null,
  ]
    .filter((d) => d !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = dates[0] ?? null;
  return {
    invitationId: plan.row.id,
    name: plan.row.candidate_name,
    closedAt: plan.closedAt,
    eraseAt: first?.at ?? null,
    eraseReason: first?.reason ?? null,
    legalHold: plan.legalHold,
  };
}

/** The plans of an organisation's candidates, each under its interview's retention. */
export async function planOrganisation(
  db: Db,
  options: { organisationId: string; interviewId?: string; invitationId?: string; now: Date },
): Promise<{
  plans: RetentionPlan[];
  organisationDefault: RetentionChoice;
  choices: Map<string, InterviewRetentionChoice>;
}> {
  const [settings, choices, rows] = await Promise.all([
    findPrivacySettings(db, options.organisationId),
    listInterviewRetentionChoices(db, options.organisationId),
    listRetentionRows(db, options),
  ]);
  const plans = rows.map((row) =>
    planRetention(
      row,
      decideRetentionDays(choices.get(row.interview_id) ?? 'organisation', settings.retention),
      options.now,
    ),
  );
  return { plans, organisationDefault: settings.retention, choices };
}

/** The daily data.retention job: finishes interrupted erasures, then erases what retention or requests made due. */
export function createRetentionService(deps: { db: Db; clock: Clock; erasure: ErasureService }) {
  const { db, clock } = deps;
  return {
    async runDueErasures(): Promise<{ resumed: number; erased: number; held: number }> {
      const resumed = await deps.erasure.resumeUnfinishedErasures();
      let erased = 0;
      let held = 0;
      for (const organisationId of await listOrganisationIdsWithInvitations(db)) {
        const now = clock.now();
        const { plans } = await planOrganisation(db, { organisationId, now });
        for (const plan of plans) {
          const due = isDueNow({
            retentionEraseAt: plan.retentionEraseAt,
            requestDueAt: plan.requestDueAt,
            now,
          });
          if (!due) continue;
          if (plan.legalHold) {
            held += 1;
            continue;
          }
          const { row } = plan;
          const invitation = await findErasableInvitation(db, { invitationId: row.id });
          if (!invitation) continue;
          await deps.erasure.eraseCandidate({
            invitation,
            reason: due,
            actorUserId: null,
            request:
              due === 'candidate_request' && row.request_requested_at && row.request_token_hash
                ? { requestedAt: row.request_requested_at, tokenHash: row.request_token_hash }
                : undefined,
          });
          erased += 1;
        }
      }
      return { resumed, erased, held };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
