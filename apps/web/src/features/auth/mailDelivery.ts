import { useSignedInSession } from './useSession.ts';

/**
 * What becomes of the e-mails an action is about to write: delivered through a mail server (smtp), kept in the
 * Outbox only because no mail server is set (outbox), or some held in the Outbox until tomorrow because the
 * organisation has reached today's e-mail limit (held).
 */
export type MailDelivery = 'smtp' | 'outbox' | 'held';

/** Said after anything that e-mails someone when it did not go now, with why. */
export const notDelivered = (delivery: MailDelivery): string =>
  delivery === 'held'
    ? 'held in the Outbox: your organisation reached today’s e-mail limit, and what is over it goes out tomorrow (UTC)'
    : 'kept in the Outbox and not delivered (no mail server is set)';

/** How `count` e-mails written now would leave, from the session (which knows how many are left today). */
export function useMailDelivery(count = 1): MailDelivery {
  const { mailDelivery, mailLeftToday } = useSignedInSession();
  if (mailDelivery === 'outbox') return 'outbox';
  return mailLeftToday !== null && mailLeftToday < Math.max(count, 1) ? 'held' : 'smtp';
}

/** The sentence for e-mail that goes now, the one for e-mail kept or held otherwise. */
export const byDelivery = (delivery: MailDelivery, delivered: string, kept: string): string =>
  delivery === 'smtp' ? delivered : kept;
