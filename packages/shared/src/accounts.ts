import { z } from 'zod';

export const roles = ['owner', 'admin', 'recruiter', 'reviewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter an e-mail address such as name@example.com' }));

/** At least 10 characters; the server also refuses what zxcvbn scores below 3 (password-strength.ts). */
export const passwordSchema = z
  .string()
  .min(10, { message: 'Use at least 10 characters' })
  .max(200, { message: 'Use at most 200 characters' });

/** Names are one line: a tab or line break inside one is refused (every text also refuses control characters). */
const oneLine = { pattern: /^[^\t\n\r]*$/, message: 'Keep it on one line, without tabs' } as const;

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter a name' })
  .max(120)
  .regex(oneLine.pattern, { message: oneLine.message });

export const organisationNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter the organisation name' })
  .max(120)
  .regex(oneLine.pattern, { message: oneLine.message });

const tokenSchema = z.string().min(10).max(200);

export const signUpSchema = z.strictObject({
  organisationName: organisationNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  /** The token of an instance administrator's invitation (/signup?invitation=…), when there is one. */
  invitationToken: tokenSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * A sign-up that waits for its address to be confirmed. It is also the answer when the address already has an
 * account (its owner is told by e-mail instead), so the answer says nothing about who has an account.
 */
export const signUpPendingSchema = z.object({ status: z.literal('confirm_email') });

export const confirmSignUpSchema = z.strictObject({ token: tokenSchema });

export const signUpModes = ['closed', 'invite', 'open'] as const;
export type SignUpMode = (typeof signUpModes)[number];

/** Who may create an organisation here, for the sign-up page. */
export const signUpPolicySchema = z.object({
  mode: z.enum(signUpModes),
  /** No organisation exists yet: the first account may always sign up, and administers the instance. */
  firstAccount: z.boolean(),
});
export type SignUpPolicy = z.infer<typeof signUpPolicySchema>;

/** What an instance invitation's link shows before signing up. */
export const instanceInvitationPreviewSchema = z.object({ email: z.string() });

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: 'Enter your password' }).max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const secondFactorMethods = ['totp', 'passkey', 'recovery_code'] as const;
export type SecondFactorMethod = (typeof secondFactorMethods)[number];

/**
 * The password was right, and one more step is needed before the session starts (HTTP 202): the account's second
 * factor, or setting one up because the organisation requires it. A short-lived cookie carries the sign-in on.
 */
export const signInNextStepSchema = z.discriminatedUnion('next', [
  z.object({ next: z.literal('second_factor'), methods: z.array(z.enum(secondFactorMethods)) }),
  z.object({ next: z.literal('set_up_second_factor'), organisationName: z.string() }),
]);
export type SignInNextStep = z.infer<typeof signInNextStepSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, { message: 'Enter your current password' }).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const requestPasswordResetSchema = z.strictObject({ email: emailSchema });
export const completePasswordResetSchema = z.strictObject({
  token: tokenSchema,
  password: passwordSchema,
});

export const userSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const organisationSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Organisation = z.infer<typeof organisationSchema>;

/** Who is signed in, their organisation and role, and the CSRF token their session expects. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  organisation: organisationSchema,
  role: roleSchema,
  csrfToken: z.string(),
  /**
   * How this install's e-mail leaves: smtp (a mail server delivers it) or outbox (no SMTP_URL: every message is
   * kept in the Outbox and reaches nobody), so the app never says an e-mail was sent when it was not.
   */
  mailDelivery: z.enum(['smtp', 'outbox']),
  /**
   * E-mails the organisation may still write today before new ones are held in the Outbox until tomorrow (UTC),
   * or null when this install sets no daily limit (MAIL_DAILY_LIMIT).
   */
  mailLeftToday: z.number().int().min(0).nullable(),
  /** The person administers this Oneway instance (its organisations, sign-up invitations). */
  instanceAdmin: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const updateOrganisationSchema = z.strictObject({
  name: organisationNameSchema,
});

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const inviteMemberSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const teamInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type TeamInvitation = z.infer<typeof teamInvitationSchema>;

export const changeRoleSchema = z.strictObject({ role: roleSchema });

/** What the public page of a team invitation link shows before anything is accepted. */
export const teamInvitationPreviewSchema = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: roleSchema,
  hasAccount: z.boolean(),
});
export type TeamInvitationPreview = z.infer<typeof teamInvitationPreviewSchema>;

export const acceptTeamInvitationSchema = z.strictObject({
  token: z.string().min(10).max(200),
  name: personNameSchema.optional(),
  password: passwordSchema,
});

/** What POST /auth/signup answers: the owner's session (201), or a wait for the e-mailed confirmation (202). */
export const signUpResultSchema = z.union([sessionInfoSchema, signUpPendingSchema]);
export type SignUpResult = z.infer<typeof signUpResultSchema>;

/** What POST /auth/signin answers: the session (200), or the next step (202). */
export const signInResultSchema = z.union([sessionInfoSchema, signInNextStepSchema]);
export type SignInResult = z.infer<typeof signInResultSchema>;

/** Re-entering the password before changing how one signs in (see reauthentication_required). */
export const confirmPasswordSchema = z.strictObject({
  password: z.string().min(1, { message: 'Enter your current password' }).max(200),
});
export type ConfirmPasswordInput = z.infer<typeof confirmPasswordSchema>;
