/** Secrets this installation makes for itself on first use (e.g. the key that signs media URLs), shared by all nodes. */
export interface InstallSecretsTable {
  name: string;
  /** base64url random bytes. */
  value: string;
  created_at: string;
}
