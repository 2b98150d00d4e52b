// STUB — replaced by the jobs/mail work.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Mailer } from './mailer.ts';

export function createMailer(_config: Config, _logger: Logger): Mailer {
  return { transport: 'outbox', send: () => Promise.resolve(), close: () => Promise.resolve() };
}
