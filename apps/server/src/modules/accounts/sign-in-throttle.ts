import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';

/**
 * How failed sign-ins slow further tries down. Each counter allows a few free failures, then asks for a wait that
 * doubles with every further failure, up to a cap; a day without failures forgets them. Nothing ever locks an
 * account: the wait for one account from all addresses is capped at 30 s and does not apply to an address the
 * account is signed in from, so an attacker cannot keep its owner out (docs/decisions.md).
 */
export const throttleRules = {
  /** One address, any accounts: credential stuffing. */
  ip: { free: 20, capSeconds: 15 * 60 },
  /** One account from one address. */
  pair: { free: 3, capSeconds: 15 * 60 },
  /** One account from every address: spread guessing. */
  account: { free: 10, capSeconds: 30 },
} as const;

/** Failures of one account after which its owner is told by e-mail (then at most once a day). */
export const noticeAfterFailures = 5;

const forgetAfterMs = 24 * 3_600_000;

type Rule = keyof typeof throttleRules;

/** Seconds to wait after the last of `failures` failures. */
export function throttleDelaySeconds(rule: Rule, failures: number): number {
  const { free, capSeconds } = throttleRules[rule];
  return failures < free ? 0 : Math.min(2 ** (failures - free), capSeconds);
}

interface ThrottleRow {
  key: string;
  failures: number;
  last_failure_at: string;
  notified_at: string | null;
}

const keysOf = (email: string, ip: string | null) => ({
  ip: `ip:${ip ?? 'unknown'}`,
  pair: `pair:${email}|${ip ?? 'unknown'}`,
  account: `account:${email}`,
});

export function createSignInThrottle({ db, clock }: { db: Db; clock: Clock }) {
  const liveFailures = (row: ThrottleRow | undefined): number =>
    row && clock.now().getTime() - Date.parse(row.last_failure_at) < forgetAfterMs ? row.failures : 0;

  const findRow = (key: string) =>
    db.selectFrom('sign_in_throttles').selectAll().where('key', '=', key).executeTakeFirst();

  /** True when the account has a session from this address: its owner's device, not the account's attacker. */
  async function isKnownAddress(userId: string | null, ip: string | null): Promise<boolean> {
    if (!userId || !ip) return false;
    const row = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('ip', '=', ip)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  // One statement, so failures arriving together are all counted; a day-old count starts again from one.
  async function bump(key: string): Promise<ThrottleRow> {
    const now = isoNow(clock);
    const forgottenBefore = new Date(clock.now().getTime() - forgetAfterMs).toISOString();
    await db
      .insertInto('sign_in_throttles')
      .values({ key, failures: 1, last_failure_at: now, notified_at: null })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_throttles.last_failure_at', '<', forgottenBefore)
            .then(1)
            .else(eb('sign_in_throttles.failures', '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .execute();
    const row = await findRow(key);
    if (!row) throw new Error(`sign-in throttle row ${key} vanished`);
    return row;
  }

  return {
    /**
     * Refuses with 429 sign_in_throttled (and its wait) while one of the counters asks to wait. Checked before the
     * password, the same way whether or not the account exists.
     */
    async assertSignInAllowed(options: { email: string; ip: string | null; userId: string | null }) {
      const keys = keysOf(options.email, options.ip);
      const rules: Rule[] = ['ip', 'pair'];
      if (!(await isKnownAddress(options.userId, options.ip))) rules.push('account');
      let waitSeconds = 0;
      for (const rule of rules) {
        const row = await findRow(keys[rule]);
        if (!row) continue;
        const until = Date.parse(row.last_failure_at) + throttleDelaySeconds(rule, liveFailures(row)) * 1000;
        waitSeconds = Math.max(waitSeconds, Math.ceil((until - clock.now().getTime()) / 1000));
      }
      if (waitSeconds <= 0) return;
      throw new AppError('sign_in_throttled', {
        message: `Too many failed sign-ins. Wait ${waitSeconds} seconds, then try again. If you forgot your password, reset it.`,
        details: { retryAfterSeconds: waitSeconds },
      });
    },

    /**
     * Counts a failed sign-in (a wrong password or second factor). Returns true when the account's owner should
     * be told now: at the fifth failure in a row, then at most once a day.
     */
    async recordSignInFailure(options: { email: string; ip: string | null }): Promise<boolean> {
      const keys = keysOf(options.email, options.ip);
      await bump(keys.ip);
      await bump(keys.pair);
      const account = await bump(keys.account);
      const notifiedRecently =
        account.notified_at !== null &&
        clock.now().getTime() - Date.parse(account.notified_at) < forgetAfterMs;
      if (account.failures < noticeAfterFailures || notifiedRecently) return false;
      await db
        .updateTable('sign_in_throttles')
        .set({ notified_at: isoNow(clock) })
        .where('key', '=', keys.account)
        .execute();
      return true;
    },

    /** Forgets the account's failures after a sign-in succeeds (the address's own count stays). */
    async clearSignInFailures(options: { email: string; ip: string | null }): Promise<void> {
      const keys = keysOf(options.email, options.ip);
      await db
        .updateTable('sign_in_throttles')
        .set({ failures: 0 })
        .where('key', 'in', [keys.pair, keys.account])
        .execute();
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
