import { useSignedInSession } from '../auth/useSession.ts';

/** What becomes of e-mail on this install: delivered through a mail server, or kept in the Outbox only. */
export type MailDelivery = 'smtp' | 'outbox';

/** Said after anything that e-mails someone when no mail server is set: it reached nobody. */
export const notDelivered = 'kept in the Outbox and not delivered (no mail server is set)';

/** This install's mail delivery, from the session. */
export function useMailDelivery(): MailDelivery {
  return useSignedInSession().mailDelivery;
}

/** The sentence for a sent e-mail when a mail server delivers it, the one for a kept one otherwise. */
export const byDelivery = (delivery: MailDelivery, delivered: string, kept: string): string =>
  delivery === 'smtp' ? delivered : kept;
