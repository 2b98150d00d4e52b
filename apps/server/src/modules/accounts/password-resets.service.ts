import { jobNames } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { assertPasswordStrength } from './password-strength.ts';
import { hashPassword } from './passwords.ts';
import {
  findPasswordResetByTokenHash,
  insertPasswordReset,
  usePasswordResets,
} from './password-resets.repository.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import type { ClientInfo } from './sessions.service.ts';
import { findUserByEmail, findUserById, updateUserPassword } from './users.repository.ts';

const resetLinkLifetimeMs = 60 * 60 * 1000;

interface PasswordResetDeps {
  db: Db;
  queue: JobQueue;
  config: Config;
  clock: Clock;
  mail: MailService;
  audit: AuditService;
}

const resetLinkInvalid = () =>
  new AppError('reset_link_invalid', {
    message: 'This reset link is not valid or has been used already. Ask for a new one.',
  });

export function createPasswordResetsService({ db, queue, config, clock, mail, audit }: PasswordResetDeps) {
  return {
    /**
     * Asks for a reset link. The request only queues the account.password-reset job, the same for every address:
     * whether an account exists is looked up by the job, so the answer and the work before it are the same for
     * known and unknown addresses.
     */
    async requestPasswordReset({ email, client }: { email: string; client: ClientInfo }): Promise<void> {
      await queue.enqueue(jobNames.accountPasswordReset, {
        email,
        ip: client.ip,
        userAgent: client.userAgent,
      });
    },

    /** The account.password-reset job: e-mails a one-hour, single-use reset link when the account exists. */
    async sendPasswordResetLink(options: {
      email: string;
      ip: string | null;
      userAgent: string | null;
    }): Promise<void> {
      const client: ClientInfo = { ip: options.ip, userAgent: options.userAgent };
      const user = await findUserByEmail(db, options.email);
      if (!user) return;
      const token = createToken();
      await insertPasswordReset(db, {
        id: newId(),
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: isoNow(clock),
        expires_at: isoIn(clock, resetLinkLifetimeMs),
        used_at: null,
      });
      const link = `${config.publicUrl}/reset-password?token=${token}`;
      // No organisation: the outbox of an organisation is readable by its admins, and a reset link is a key
      // to the account (and to every other organisation it belongs to).
      await mail.queueEmail({
        organisationId: null,
        to: user.email,
        subject: 'Reset your Oneway password',
        text: [
          `Hello ${user.name},`,
          '',
          'Someone (hopefully you) asked to reset the password of your Oneway account.',
          `Choose a new password here within one hour: ${link}`,
          '',
          'If you did not ask for this, ignore this e-mail: your password stays as it is.',
        ].join('\n'),
      });
      await audit.recordEvent({
        organisationId: null,
        actorUserId: user.id,
        action: 'auth.password_reset_requested',
        ip: client.ip,
        userAgent: client.userAgent,
      });
    },

    /** Sets a new password from a reset link, uses the link up and ends every session of the account. */
    async completePasswordReset({ token, password }: { token: string; password: string }): Promise<void> {
      const reset = await findPasswordResetByTokenHash(db, hashToken(token));
      if (!reset || reset.used_at) throw resetLinkInvalid();
      if (clock.now().getTime() >= Date.parse(reset.expires_at)) {
        throw new AppError('reset_link_expired', {
          message: 'This reset link has expired. Ask for a new one.',
        });
      }
      const user = await findUserById(db, reset.user_id);
      if (!user) throw resetLinkInvalid();
      await assertPasswordStrength(password, [user.email, user.name]);
      const passwordHash = await hashPassword(password);
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        if (!(await usePasswordResets(trx, { id: reset.id, userId: user.id, usedAt: now })))
          throw resetLinkInvalid();
        await updateUserPassword(trx, { userId: user.id, passwordHash, changedAt: now });
        await deleteSessionsOfUser(trx, { userId: user.id });
      });
      await audit.recordEvent({
        organisationId: null,
        actorUserId: user.id,
        action: 'auth.password_reset_completed',
      });
    },
  };
}
