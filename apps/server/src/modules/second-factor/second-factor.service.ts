import type { AccountSecurity, Passkey, RecoveryCodes, SecondFactorMethod, TotpSetup } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createPasskeys } from './passkeys.ts';
import { createRecoveryCodes, findMatchingRecoveryCode, hashRecoveryCode } from './recovery-codes.ts';
import * as repo from './second-factor.repository.ts';
import { createTotpSecret, findTotpStep, totpUri } from './totp.ts';

interface SecondFactorDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
}

const codeRefused = () =>
  new AppError('second_factor_invalid', {
    message: 'That code is not right. Enter the code your authenticator app shows now.',
    details: { fields: [{ field: 'code', message: 'Enter the 6 digits your app shows now' }] },
  });

/** Second factors of an account: an authenticator app (TOTP), passkeys, and recovery codes for when both are lost. */
export function createSecondFactorService(deps: SecondFactorDeps) {
  const { db, clock, audit } = deps;
  const passkeys = createPasskeys(deps);
  const record = (userId: string, action: string) =>
    audit.recordEvent({ organisationId: null, actorUserId: userId, action });

  async function listMethods(userId: string): Promise<SecondFactorMethod[]> {
    const [totp, keys, codes] = await Promise.all([
      repo.findTotp(db, userId),
      repo.listPasskeys(db, userId),
      repo.listUnusedRecoveryCodes(db, userId),
    ]);
    const methods: SecondFactorMethod[] = [];
    if (totp?.confirmed_at) methods.push('totp');
    if (keys.length > 0) methods.push('passkey');
    // Recovery codes stand in for a lost factor; alone they are no second factor.
    if (methods.length > 0 && codes.length > 0) methods.push('recovery_code');
    return methods;
  }

  /** A fresh set of recovery codes (the old ones stop working), shown once. */
  async function issueRecoveryCodes(userId: string): Promise<RecoveryCodes> {
    const codes = createRecoveryCodes();
    const hashes = await Promise.all(codes.map(hashRecoveryCode));
    await repo.replaceRecoveryCodes(db, {
      userId,
      hashes,
      ids: codes.map(() => newId()),
      createdAt: isoNow(clock),
    });
    await record(userId, 'auth.recovery_codes_issued');
    return { codes };
  }

  /** Recovery codes with the first second factor, none otherwise (the earlier set stays valid). */
  async function recoveryCodesForFirstFactor(userId: string): Promise<RecoveryCodes> {
    const unused = await repo.listUnusedRecoveryCodes(db, userId);
    return unused.length > 0 ? { codes: [] } : issueRecoveryCodes(userId);
  }

  return {
    passkeys,

    /** The second factors the account can sign in with, in the order the sign-in page offers them. */
    listSecondFactorMethods: listMethods,

    /** The account's sign-in methods for its security page. */
    async getAccountSecurity(options: {
      userId: string;
      hasPassword: boolean;
      secondFactorRequired: boolean;
    }): Promise<AccountSecurity> {
      const [totp, keys, codes] = await Promise.all([
        repo.findTotp(db, options.userId),
        repo.listPasskeys(db, options.userId),
        repo.listUnusedRecoveryCodes(db, options.userId),
      ]);
      return {
        hasPassword: options.hasPassword,
        totp: Boolean(totp?.confirmed_at),
        recoveryCodesLeft: codes.length,
        passkeys: keys.map((k) => ({
          id: k.id,
          name: k.name,
          createdAt: k.created_at,
          lastUsedAt: k.last_used_at,
        })),
        secondFactorRequired: options.secondFactorRequired,
      };
    },

    /** A new authenticator app secret, waiting for its first code; replaces an unconfirmed one. */
    async startTotpSetup({ userId, email }: { userId: string; email: string }): Promise<TotpSetup> {
      const existing = await repo.findTotp(db, userId);
      if (existing?.confirmed_at) {
        throw new AppError('validation_failed', {
          message: 'An authenticator app is set up already. Remove it first to set up another.',
        });
      }
      const secret = createTotpSecret();
      await repo.replaceTotp(db, {
        user_id: userId,
        secret,
        created_at: isoNow(clock),
        confirmed_at: null,
        last_used_step: null,
      });
      return { secret, uri: totpUri(secret, email) };
    },

    /** Confirms the app with a first code; answers the recovery codes when this is the account's first factor. */
    async confirmTotp({ userId, code }: { userId: string; code: string }): Promise<RecoveryCodes> {
      const totp = await repo.findTotp(db, userId);
      if (!totp || totp.confirmed_at) throw notFound('Authenticator app setup');
      const step = findTotpStep({ secret: totp.secret, code, now: clock.now() });
      if (step === null || !(await repo.useTotpStep(db, { userId, step, confirmedAt: isoNow(clock) }))) {
        throw codeRefused();
      }
      await record(userId, 'auth.totp_added');
      return recoveryCodesForFirstFactor(userId);
    },

    /** Checks a code of the account's confirmed app, once per code. */
    async verifyTotpCode({ userId, code }: { userId: string; code: string }): Promise<boolean> {
      const totp = await repo.findTotp(db, userId);
      if (!totp?.confirmed_at) return false;
      const step = findTotpStep({ secret: totp.secret, code, now: clock.now() });
      return step !== null && (await repo.useTotpStep(db, { userId, step }));
    },

    /** Uses up a recovery code; false when it is not one of the account's unused codes. */
    async useRecoveryCode({ userId, code }: { userId: string; code: string }): Promise<boolean> {
      const id = await findMatchingRecoveryCode(code, await repo.listUnusedRecoveryCodes(db, userId));
      if (!id || !(await repo.useRecoveryCode(db, { id, usedAt: isoNow(clock) }))) return false;
      await record(userId, 'auth.recovery_code_used');
      return true;
    },

    issueRecoveryCodes,

    /** Keeps a new passkey; answers recovery codes too when it is the account's first second factor. */
    async addPasskey(options: {
      userId: string;
      response: Record<string, unknown>;
      name: string;
    }): Promise<{ passkey: Passkey; recoveryCodes: RecoveryCodes }> {
      const passkey = await passkeys.finishRegistration(options);
      await record(options.userId, 'auth.passkey_added');
      return { passkey, recoveryCodes: await recoveryCodesForFirstFactor(options.userId) };
    },

    /** Removes the app or a passkey, unless it is the last second factor and the organisation requires one. */
    async removeSecondFactor(options: {
      userId: string;
      what: { kind: 'totp' } | { kind: 'passkey'; id: string };
      secondFactorRequired: boolean;
    }): Promise<void> {
      const methods = (await listMethods(options.userId)).filter((m) => m !== 'recovery_code');
      const keys = await repo.listPasskeys(db, options.userId);
      const remaining = methods.length - 1 + (options.what.kind === 'passkey' && keys.length > 1 ? 1 : 0);
      if (options.secondFactorRequired && remaining < 1) {
        throw new AppError('validation_failed', {
          message: 'Your organisation requires a second factor. Add another one before removing this one.',
        });
      }
      if (options.what.kind === 'totp') {
        await repo.deleteTotp(db, options.userId);
      } else if (!(await repo.deletePasskey(db, { userId: options.userId, id: options.what.id }))) {
        throw notFound('Passkey');
      }
      if ((await listMethods(options.userId)).length === 0)
        await repo.deleteRecoveryCodes(db, options.userId);
      await record(
        options.userId,
        options.what.kind === 'totp' ? 'auth.totp_removed' : 'auth.passkey_removed',
      );
    },

    /** Deletes WebAuthn challenges nobody answered; for the hourly purge. */
    purgeExpiredChallenges: () => repo.deleteExpiredChallenges(db, isoNow(clock)),
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
