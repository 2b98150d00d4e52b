import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

/** Sends through the SMTP server named by SMTP_URL (smtp:// or smtps://, options as query parameters). */
export function createSmtpMailer(options: { smtpUrl: string; mailFrom: string }): Mailer {
  const transporter = nodemailer.createTransport(
    {
      url: options.smtpUrl,
      // nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket; a job holding its lock that
      // long would outlive the queue's visibility timeout. Query parameters in SMTP_URL still override these.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from: options.mailFrom },
  );
  return {
    transport: 'smtp',
    async send(message) {
      await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close() {
      transporter.close();
      return Promise.resolve();
    },
  };
}
