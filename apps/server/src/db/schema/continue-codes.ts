/** A one-time code e-mailed to a candidate to continue on another device; a new code replaces the old one. */
export interface ContinueCodesTable {
  /** Random; also salts code_hash. */
  id: string;
  /** Unique: one code per invitation. */
  invitation_id: string;
  organisation_id: string;
  /** SHA-256 (hex) of `<id>:<code>`; the code itself is only ever in the e-mail. */
  code_hash: string;
  /** Wrong codes tried while this code was live. */
  attempts: number;
  created_at: string;
  expires_at: string;
  /** Set when the code started a session; a used code never works again. */
  used_at: string | null;
}
