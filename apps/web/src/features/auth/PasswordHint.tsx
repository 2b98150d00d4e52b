/** The password rule, stated where people choose a password (matches passwordSchema in @oneway/shared). */
export function PasswordHint() {
  return <>Use at least 10 characters. A few unrelated words make a strong, memorable password.</>;
}
