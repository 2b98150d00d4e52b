import { z } from 'zod';
import { emailSchema, roleSchema, signUpModes } from './accounts.ts';

/** An organisation as the instance administrator sees it, with its usage. */
export const adminOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  suspendedAt: z.string().nullable(),
  members: z.number().int(),
  invitations: z.number().int(),
  takes: z.number().int(),
  bytesStored: z.number(),
  /** E-mails written today (UTC), held ones included. */
  mailToday: z.number().int(),
});
export type AdminOrganisation = z.infer<typeof adminOrganisationSchema>;

export const adminMailDaySchema = z.object({
  /** yyyy-mm-dd, UTC. */
  day: z.string(),
  sent: z.number().int(),
  failed: z.number().int(),
  waiting: z.number().int(),
  held: z.number().int(),
});
export type AdminMailDay = z.infer<typeof adminMailDaySchema>;

export const adminOrganisationDetailSchema = z.object({
  organisation: adminOrganisationSchema,
  members: z.array(z.object({ name: z.string(), email: z.string(), role: roleSchema, joinedAt: z.string() })),
  /** The last 14 days, newest first. */
  mail: z.array(adminMailDaySchema),
});
export type AdminOrganisationDetail = z.infer<typeof adminOrganisationDetailSchema>;

/** The instance's settings as the administrator sees them (they are set by environment variables). */
export const instanceSettingsSchema = z.object({
  signup: z.enum(signUpModes),
  mailDailyLimit: z.number().int().nullable(),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

export const instanceInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type InstanceInvitation = z.infer<typeof instanceInvitationSchema>;

export const createInstanceInvitationSchema = z.strictObject({ email: emailSchema });
