export interface AuditEventsTable {
  id: string;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
  created_at: string;
}
