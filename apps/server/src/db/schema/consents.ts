import type { ColumnType } from 'kysely';

/** A candidate's consent to recording, with the exact notice text they were shown. */
export interface ConsentsTable {
  id: string;
  invitation_id: string;
  organisation_id: string;
  notice_version: string;
  /** SHA-256 (hex) of notice_text. */
  notice_hash: string;
  notice_text: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  /** Set when the candidate withdrew this consent (what they had uploaded was erased then); optional on insert. */
  withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>;
}
