import { vi } from 'vitest';
import type { QueueEmailInput } from '../../src/modules/mail/mail.service.ts';
import type { Runtime } from '../../src/runtime.ts';

export interface CapturedMail {
  messages: QueueEmailInput[];
  /** The token of the newest link to `path` e-mailed to `to`; fails the test when there is none. */
  lastToken(to: string, path: '/join' | '/reset-password'): string;
}

/** Records what the services hand to the mail service instead of sending it. */
export function captureMail(runtime: Runtime): CapturedMail {
  const messages: QueueEmailInput[] = [];
  vi.spyOn(runtime.services.mail, 'queueEmail').mockImplementation((input) => {
    messages.push(input);
    return Promise.resolve(`test-mail-${messages.length}`);
  });
  return {
    messages,
    lastToken(to, path) {
      const pattern = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`);
      for (const message of [...messages].reverse()) {
        const token = message.to === to ? pattern.exec(message.text)?.[1] : undefined;
        if (token) return token;
      }
      throw new Error(`No ${path} link was e-mailed to ${to}`);
    },
  };
}
