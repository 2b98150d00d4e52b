import { jobNames } from '@oneway/shared';
import { z } from 'zod';
import type { JobDefinition } from '../queue.ts';

const passwordResetPayload = z.object({
  email: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

/** Looks the address up and e-mails its reset link, away from the request, which answers the same for any address. */
export function createAccountPasswordResetJob(accounts: {
  sendPasswordResetLink(payload: z.infer<typeof passwordResetPayload>): Promise<void>;
}): JobDefinition<typeof passwordResetPayload> {
  return {
    name: jobNames.accountPasswordReset,
    payload: passwordResetPayload,
    attempts: 3,
    backoffMs: 30_000,
    handler: (payload) => accounts.sendPasswordResetLink(payload),
  };
}
