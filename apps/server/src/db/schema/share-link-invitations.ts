/** The candidates one share link shows. */
export interface ShareLinkInvitationsTable {
  share_link_id: string;
  invitation_id: string;
}
