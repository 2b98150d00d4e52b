/** A sign-in past its password, waiting for a second factor or for one to be set up (id: token hash). */
export interface PendingSignInsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  stage: 'second_factor' | 'enrol';
  attempts: number;
  created_at: string;
  expires_at: string;
}
