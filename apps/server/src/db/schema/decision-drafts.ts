/** A decider's note on a candidate, kept as they type it until they decide; one per person and candidate. */
export interface DecisionDraftsTable {
  invitation_id: string;
  user_id: string;
  organisation_id: string;
  note: string;
  updated_at: string;
}
