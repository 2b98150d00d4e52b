import type { ApiKeyRole } from '@oneway/shared';

/** An organisation API key. The key itself is never stored, only its SHA-256. */
export interface ApiKeysTable {
  id: string;
  organisation_id: string;
  name: string;
  token_hash: string;
  /** The key's first 12 characters, shown in lists. */
  prefix: string;
  /** The role the key acts as. */
  role: ApiKeyRole;
  /** Requests made with the key act as this member, so audit events name a person. */
  created_by_user_id: string;
  created_at: string;
  /** Written at most once a minute. */
  last_used_at: string | null;
  revoked_at: string | null;
}
