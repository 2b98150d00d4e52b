/** A candidate's request for more time or an accommodation, and the employer's answer. */
export interface InvitationRequestsTable {
  id: string;
  invitation_id: string;
  organisation_id: string;
  kind: 'extension' | 'accommodation';
  /** Optional; shown only to the employer (reviewers never see why). */
  reason: string | null;
  /** extension: days asked for; accommodation: JSON of what was asked for. */
  requested: string | null;
  status: 'pending' | 'approved' | 'declined';
  /** true when the interview's automatic-approval rule granted it. */
  auto_approved: number;
  decided_by_user_id: string | null;
  decided_at: string | null;
  /** JSON of what was granted (new deadline, accommodations). */
  outcome: string | null;
  created_at: string;
}
