import { z } from 'zod';

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /**
   * sent: a mail server took it. kept: no mail server is set (SMTP_URL), so it stays here and was not delivered.
   * held: waiting for the next day (the organisation's daily limit) or for the organisation to be restored.
   */
  status: z.enum(['queued', 'sent', 'kept', 'failed', 'held']),
  heldReason: z.enum(['daily_limit', 'suspended']).nullable(),
  transport: z.enum(['outbox', 'smtp']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
