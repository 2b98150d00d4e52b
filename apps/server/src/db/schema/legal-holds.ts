/** A legal hold on a candidate: while it stands nothing of theirs is erased, by retention or by request. */
export interface LegalHoldsTable {
  invitation_id: string;
  organisation_id: string;
  /** Why, for the team (a case reference); erased with the candidate once the hold is lifted and they go. */
  reason: string | null;
  placed_by_user_id: string | null;
  placed_at: string;
}
