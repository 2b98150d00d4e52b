import type { AccountSecurity, ChangePasswordInput } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { SecondFactorService } from '../second-factor/second-factor.service.ts';
import { buildPasswordChangedMail } from './account-mails.ts';
import { findOrganisationById } from './organisations.repository.ts';
import { assertPasswordStrength } from './password-strength.ts';
import { hashPassword, hasUsablePassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { findUserById, updateUserPassword } from './users.repository.ts';

/** A signed-in person's own account: changing the password, and the overview of how they sign in. */
export function createAccountService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  mail: MailService;
  secondFactor: SecondFactorService;
}) {
  const { db, clock } = deps;

  return {
    /**
     * Changes the password after checking the current one, and ends every other session of the account (this one
     * stays); the owner is told by e-mail.
     */
    async changePassword(options: {
      userId: string;
      sessionId: string;
      input: ChangePasswordInput;
    }): Promise<void> {
      const user = await findUserById(db, options.userId);
      if (!user) throw notFound('Account');
      if (!(await verifyPassword(user.password_hash, options.input.currentPassword))) {
        throw new AppError('wrong_password', {
          message: 'Your current password is not right.',
          details: { fields: [{ field: 'currentPassword', message: 'Enter your current password' }] },
        });
      }
      await assertPasswordStrength(options.input.newPassword, [user.email, user.name]);
      const passwordHash = await hashPassword(options.input.newPassword);
      await db.transaction().execute(async (trx) => {
        await updateUserPassword(trx, { userId: user.id, passwordHash, changedAt: isoNow(clock) });
        await deleteSessionsOfUser(trx, { userId: user.id, exceptId: options.sessionId });
      });
      await deps.mail.queueEmail({
        organisationId: null,
        to: user.email,
        ...buildPasswordChangedMail(deps.config, user),
      });
      await deps.audit.recordEvent({
        organisationId: null,
        actorUserId: user.id,
        action: 'auth.password_changed',
      });
    },

    /** How the person signs in, for their security page. */
    async getAccountSecurity(options: { userId: string; organisationId: string }): Promise<AccountSecurity> {
      const [user, organisation] = await Promise.all([
        findUserById(db, options.userId),
        findOrganisationById(db, options.organisationId),
      ]);
      if (!user) throw notFound('Account');
      return deps.secondFactor.getAccountSecurity({
        userId: user.id,
        hasPassword: hasUsablePassword(user.password_hash),
        secondFactorRequired: Boolean(organisation?.require_second_factor),
      });
    },

    /** True when the organisation requires its members to have a second factor. */
    async isSecondFactorRequired(organisationId: string): Promise<boolean> {
      return Boolean((await findOrganisationById(db, organisationId))?.require_second_factor);
    },
  };
}
