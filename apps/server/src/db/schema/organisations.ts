export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}
