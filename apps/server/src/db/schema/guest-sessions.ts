/** A browser that opened a share link: its cookie's token is stored hashed; it ends with the link. */
export interface GuestSessionsTable {
  id: string;
  token_hash: string;
  share_link_id: string;
  organisation_id: string;
  /** The name the guest rates under, once given. */
  guest_name: string | null;
  created_at: string;
  expires_at: string;
}
