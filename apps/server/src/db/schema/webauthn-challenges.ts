/** A WebAuthn challenge handed out and not yet answered (used once, expires in minutes). */
export interface WebauthnChallengesTable {
  challenge: string;
  purpose: 'register' | 'authenticate';
  user_id: string | null;
  created_at: string;
  expires_at: string;
}
