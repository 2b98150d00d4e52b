import type { Logger } from 'pino';
import type { Mailer } from './mailer.ts';

const urlPattern = /https?:\/\/[^\s<>"')\]]+/g;

/** Every http(s) link in a text, in order, without trailing punctuation that ends a sentence. */
export function findUrls(text: string): string[] {
  return (text.match(urlPattern) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''));
}

/**
 * The transport when no SMTP server is configured: the message stays in the outbox table (readable in the app),
 * and its links go to the log so a self-hoster can follow a sign-up or reset link without mail.
 */
export function createOutboxMailer(logger: Logger): Mailer {
  return {
    transport: 'outbox',
    send(message) {
      logger.info(
        { to: message.to, subject: message.subject, urls: findUrls(message.text) },
        'mail kept in outbox (no SMTP_URL configured)',
      );
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
