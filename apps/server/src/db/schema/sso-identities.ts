/** Who a provider's subject is in Oneway, per organisation. */
export interface SsoIdentitiesTable {
  organisation_id: string;
  subject: string;
  user_id: string;
  created_at: string;
}
