import { z } from 'zod';

/** Roles an API key may act as: never owner, so a key cannot manage owners or the organisation's ownership. */
export const apiKeyRoles = ['admin', 'recruiter', 'reviewer'] as const;
export const apiKeyRoleSchema = z.enum(apiKeyRoles, { message: 'Choose admin, recruiter or reviewer' });
export type ApiKeyRole = z.infer<typeof apiKeyRoleSchema>;

/** Every key starts with this; the rest is 32 random bytes in base64url. */
export const apiKeyPrefix = 'ow_live_';

export const createApiKeySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Name the key, for example after the system that will use it' })
    .max(80, { message: 'Keep the name under 80 characters' }),
  role: apiKeyRoleSchema,
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/**
 * active: usable. revoked: refused for good. inactive: refused while its creator is no longer an owner or admin
 * of the organisation (the one person who saw the key keeps nothing when they leave or are demoted).
 */
export const apiKeyStatuses = ['active', 'revoked', 'inactive'] as const;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first 12 characters, enough to recognise a key; the key itself is never shown again. */
  prefix: z.string(),
  role: apiKeyRoleSchema,
  status: z.enum(apiKeyStatuses),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The answer to creating a key: the only time the whole key is shown. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = z.object({ apiKeys: z.array(apiKeySchema) });
