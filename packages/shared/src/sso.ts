import { z } from 'zod';
import { emailSchema, roleSchema } from './accounts.ts';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Enter domains such as example.com',
  });

/** Members who arrive by single sign-on get this role; owners are only ever made by hand. */
export const ssoRoleSchema = roleSchema.exclude(['owner']);

/** An organisation's OpenID Connect provider (owners and admins). The secret is never sent back. */
export const ssoSettingsSchema = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  defaultRole: ssoRoleSchema,
  /** Where the provider sends people back: register it with the provider. */
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

export const ssoSettingsResponseSchema = z.object({
  settings: ssoSettingsSchema.nullable(),
  redirectUri: z.string(),
});

export const updateSsoSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  issuer: z.url({ protocol: /^https?$/, message: 'Enter the issuer URL, such as https://login.example.com' }),
  clientId: z.string().trim().min(1, { message: 'Enter the client id' }).max(300),
  /** Leave out to keep the stored secret. */
  clientSecret: z.string().min(1, { message: 'Enter the client secret' }).max(1000).optional(),
  allowedDomains: z
    .array(domainSchema)
    .min(1, { message: 'Enter at least one e-mail domain' })
    .max(20, { message: 'Enter at most 20 domains' }),
  defaultRole: ssoRoleSchema,
});
export type UpdateSsoSettingsInput = z.infer<typeof updateSsoSettingsSchema>;

export const startSsoSchema = z.strictObject({ email: emailSchema });
export const ssoRedirectSchema = z.object({ redirectUrl: z.string() });

/** Whether any organisation here signs in with a provider: the sign-in page offers single sign-on only then. */
export const ssoAvailabilitySchema = z.object({ available: z.boolean() });
