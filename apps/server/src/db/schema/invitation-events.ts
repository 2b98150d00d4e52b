/** sent, delivered, opened, started, answer_saved, completed, reminded, extended, withdrawn, expired, ... */
export interface InvitationEventsTable {
  id: string;
  invitation_id: string;
  organisation_id: string;
  type: string;
  /** JSON with what the event needs to be shown (never secrets or media URLs). */
  details: string | null;
  actor_user_id: string | null;
  created_at: string;
}
