/** What kind of storage failure candidates' uploads ran into. */
export type StorageProblemKind =
  'disk_full' | 'quota' | 'read_only' | 'io_error' | 'permission' | 's3_unavailable';

/**
 * Media storage failing while candidates of an organisation uploaded: one row from the first failure until uploads
 * work again (resolved_at), for the Processing page and the admins' alert.
 */
export interface StorageProblemsTable {
  id: string;
  organisation_id: string;
  /** The latest failure's kind. */
  kind: StorageProblemKind;
  started_at: string;
  last_failed_at: string;
  /** Requests refused because of it (counted in batches: the row is written at most every few seconds). */
  failed_requests: number;
  /** The latest failure in plain words, with the system's own code. */
  last_error: string;
  /** When an upload of the organisation worked again; null while it lasts. */
  resolved_at: string | null;
  /** When the organisation's owners and admins were e-mailed about it; null if not (yet). */
  alerted_at: string | null;
}
