/** An organisation's retention default and erasure window; no row means the defaults (keep, 7 days). */
export interface PrivacySettingsTable {
  organisation_id: string;
  /** RetentionChoice: keep | 30 | 90 | 180 | 365. */
  retention: string;
  /** Days within which a candidate's confirmed erasure request is carried out (0-30). */
  erasure_window_days: number;
  updated_by_user_id: string | null;
  updated_at: string;
}
