import { vi } from 'vitest';
import type { QueueEmailInput } from '../../src/modules/mail/mail.service.ts';
import type { Runtime } from '../../src/runtime.ts';

export interface CapturedMail {
  messages: QueueEmailInput[];
  /** The token of the newest link to `path` e-mailed to `to`; fails the test when there is none. */
  lastToken(to: string, path: '/join' | '/reset-password'): string;
  /** The token of the newest /i/<token> candidate link e-mailed to `to`; fails the test when there is none. */
  lastLinkToken(to: string): string;
  /** Messages to `address` whose subject matches. */
  to(address: string, subject?: RegExp): QueueEmailInput[];
}

/** Records what the services hand to the mail service instead of sending it. */
export function captureMail(runtime: Runtime): CapturedMail {
  const messages: QueueEmailInput[] = [];
  vi.spyOn(runtime.services.mail, 'queueEmail').mockImplementation((input) => {
    messages.push(input);
    // Unique ids: invitation e-mails are mapped to their message ids.
    return Promise.resolve(`test-mail-${messages.length}-${Math.random().toString(36).slice(2)}`);
  });
  const newestMatch = (to: string, pattern: RegExp, what: string): string => {
    for (const message of [...messages].reverse()) {
      const token = message.to === to ? pattern.exec(message.text)?.[1] : undefined;
      if (token) return token;
    }
    throw new Error(`No ${what} was e-mailed to ${to}`);
  };
  return {
    messages,
    lastToken: (to, path) => newestMatch(to, new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`), `${path} link`),
    lastLinkToken: (to) => newestMatch(to, /\/i\/([A-Za-z0-9_-]{20,})/, 'invitation link'),
    to: (address, subject) =>
      messages.filter((m) => m.to === address && (!subject || subject.test(m.subject))),
  };
}
