/** An instance administrator's invitation to create an organisation (SIGNUP=invite, or any mode). */
export interface InstanceInvitationsTable {
  id: string;
  email: string;
  token_hash: string;
  created_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}
