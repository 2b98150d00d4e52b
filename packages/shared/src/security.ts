import { z } from 'zod';
import { sessionInfoSchema } from './accounts.ts';

/** A six-digit code from an authenticator app. */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Enter the 6 digits your authenticator app shows' });

/** A recovery code as printed (groups of letters and digits; spaces, dashes and case do not matter). */
export const recoveryCodeSchema = z
  .string()
  .trim()
  .min(8, { message: 'Enter one of your recovery codes' })
  .max(40, { message: 'Enter one of your recovery codes' });

export const totpSignInSchema = z.strictObject({ code: totpCodeSchema });
export const recoveryCodeSignInSchema = z.strictObject({ code: recoveryCodeSchema });

/** A new authenticator app: the secret to type in and the otpauth:// address apps open. */
export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;

export const confirmTotpSchema = z.strictObject({ code: totpCodeSchema });

/** Recovery codes, shown this once: only their hashes are kept. */
export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;

/** The account's sign-in methods, for its security page. */
export const accountSecuritySchema = z.object({
  hasPassword: z.boolean(),
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.array(passkeySchema),
  /** The signed-in organisation requires a second factor of its members. */
  secondFactorRequired: z.boolean(),
});
export type AccountSecurity = z.infer<typeof accountSecuritySchema>;

// WebAuthn options and responses are the browser's JSON forms (@simplewebauthn/browser), checked by the server's
// WebAuthn library rather than restated here.
export const webauthnJsonSchema = z.record(z.string(), z.unknown());

export const passkeyRegistrationSchema = z.strictObject({
  response: webauthnJsonSchema,
  name: z
    .string()
    .trim()
    .min(1, { message: 'Name the passkey, for example "Work laptop"' })
    .max(60, { message: 'Keep the name under 60 characters' }),
});

export const passkeySignInSchema = z.strictObject({ response: webauthnJsonSchema });

/** Whether the organisation requires a second factor of its members. */
export const organisationSecuritySchema = z.object({ requireSecondFactor: z.boolean() });
export const updateOrganisationSecuritySchema = z.strictObject({ requireSecondFactor: z.boolean() });

/** Signed in after setting up a second factor during sign-in: the session, and the recovery codes shown once. */
export const signedInWithRecoveryCodesSchema = z.object({
  session: sessionInfoSchema,
  recoveryCodes: z.array(z.string()),
});

/** A new passkey, with recovery codes when it is the account's first second factor (else none). */
export const addedPasskeySchema = z.object({ passkey: passkeySchema, recoveryCodes: z.array(z.string()) });
