import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer, findUrls } from './outbox-mailer.ts';

describe('outbox mailer', () => {
  it('finds every link in a text, without the punctuation that ends a sentence', () => {
    const text =
      'Sign in at https://a.example/sign-in. Or reset (http://b.example/r?t=1&x=2), then https://c.example!';
    expect(findUrls(text)).toEqual([
      'https://a.example/sign-in',
      'http://b.example/r?t=1&x=2',
      'https://c.example',
    ]);
  });

  it('logs the recipient, subject and links at info level instead of sending', async () => {
    const lines: string[] = [];
    const mailer = createOutboxMailer(
      pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    );
    await mailer.send({
      to: 'ada@example.com',
      subject: 'Welcome',
      text: 'Start here: https://x.example/start',
    });
    expect(mailer.transport).toBe('outbox');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 30,
        to: 'ada@example.com',
        subject: 'Welcome',
        urls: ['https://x.example/start'],
      }),
    ]);
  });
});
