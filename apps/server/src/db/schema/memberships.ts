import type { Role } from '@oneway/shared';

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}
