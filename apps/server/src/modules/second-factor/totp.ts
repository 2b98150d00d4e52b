import { Secret, TOTP } from 'otpauth';

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const periodSeconds = 30;

const totpOf = (secret: string, label = 'Oneway') =>
  new TOTP({
    issuer: 'Oneway',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: periodSeconds,
    secret: Secret.fromBase32(secret),
  });

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export const createTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// address an authenticator app reads (QR code or link). */
export const totpUri = (secret: string, account: string): string => totpOf(secret, account).toString();

/**
 * The 30-second step of `code` when it is valid at `now`, one step of clock drift either way allowed; null when
 * it is not. The caller accepts a step only once (RFC 6238 §5.2).
 */
export function findTotpStep(options: { secret: string; code: string; now: Date }): number | null {
  const delta = totpOf(options.secret).validate({
    token: options.code,
    timestamp: options.now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(options.now.getTime() / 1000 / periodSeconds) + delta;
}
