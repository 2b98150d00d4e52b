/** A base32 key in groups of four, as authenticator apps show and people type it. */
export function formatTotpSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}
