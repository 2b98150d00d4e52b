export type DecisionValue = 'advance' | 'hold' | 'reject';

/** The team's current decision on a candidate; earlier ones are in the audit log. */
export interface DecisionsTable {
  invitation_id: string;
  organisation_id: string;
  interview_id: string;
  decision: DecisionValue;
  note: string | null;
  decided_by_user_id: string | null;
  decided_by_name: string;
  decided_at: string;
}
