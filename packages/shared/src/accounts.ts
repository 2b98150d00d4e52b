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

/** Length is the rule that matters (NIST 800-63B); the server also refuses common passwords. */
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

export const signUpSchema = z.strictObject({
  organisationName: organisationNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: 'Enter your password' }).max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const requestPasswordResetSchema = z.strictObject({ email: emailSchema });
export const completePasswordResetSchema = z.strictObject({
  token: z.string().min(10).max(200),
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
