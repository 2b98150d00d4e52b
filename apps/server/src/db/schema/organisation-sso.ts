/** An organisation's OpenID Connect provider. */
export interface OrganisationSsoTable {
  organisation_id: string;
  enabled: number;
  issuer: string;
  client_id: string;
  client_secret: string;
  /** Comma-separated lower-case domains whose addresses may sign in this way. */
  allowed_domains: string;
  default_role: string;
  created_at: string;
  updated_at: string;
}
