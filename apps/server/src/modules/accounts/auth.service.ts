import type { RecoveryCodes, SignInInput, SignInNextStep } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { organisationSuspended } from '../instance/organisation-suspension.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { SecondFactorService } from '../second-factor/second-factor.service.ts';
import { findSignInMembership } from './members.repository.ts';
import { findOrganisationById, type OrganisationRow } from './organisations.repository.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import {
  countPendingAttempt,
  createPendingSignIn,
  deletePendingSignIn,
  requirePendingSignIn,
  signInExpired,
  type PendingSignInRow,
} from './pending-sign-ins.ts';
import { deleteSession, findSessionVerification, markSessionVerified } from './sessions.repository.ts';
import { startSession, type ClientInfo, type StartedSession } from './sessions.service.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { buildFailedSignInsMail } from './account-mails.ts';
import { findUserByEmail, findUserById, type UserRow } from './users.repository.ts';

interface AuthDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  mail: MailService;
  secondFactor: SecondFactorService;
}

/** What signing in needs besides the credentials: where from, and the cookie it replaces, if any. */
export interface SignInContext {
  client: ClientInfo;
  previousToken?: string | undefined;
}

/** A sign-in either starts the session, or needs one more step, carried by a pending sign-in's cookie. */
export type SignInOutcome =
  | { kind: 'session'; session: StartedSession }
  | { kind: 'next'; step: SignInNextStep; pending: { token: string; expiresAt: string } };

export const invalidCredentials = () =>
  new AppError('invalid_credentials', { message: 'The e-mail address or password is not right.' });

const wrongCode = () =>
  new AppError('second_factor_invalid', {
    message: 'That code is not right. Try again with the code your app shows now, or a recovery code.',
    details: { fields: [{ field: 'code', message: 'Enter a valid code' }] },
  });

/** How long a re-entered password lets changes to how one signs in through, at least. */
const confirmedPasswordKeptMs = 5 * 60_000;

/** Signing in: the password (throttled), then a second factor when the account has one or the organisation asks. */
export function createAuthService(deps: AuthDeps) {
  const { db, clock, audit, secondFactor } = deps;
  const throttle = createSignInThrottle(deps);

  async function recordFailure(
    email: string,
    client: ClientInfo,
    user: UserRow | undefined,
    what: 'password' | 'second_factor',
  ) {
    const tellOwner = await throttle.recordSignInFailure({ email, ip: client.ip });
    if (tellOwner && user) {
      await deps.mail.queueEmail({
        organisationId: null,
        to: user.email,
        ...buildFailedSignInsMail(deps.config, user, what),
      });
    }
    await audit.recordEvent({
      organisationId: null,
      actorUserId: user?.id ?? null,
      action: 'auth.signin_failed',
      ip: client.ip,
      userAgent: client.userAgent,
      details: { email },
    });
  }

  /** The session, in `organisation`, with the cookie this browser held before ended. */
  async function openSession(
    user: UserRow,
    organisation: OrganisationRow,
    role: Parameters<typeof startSession>[1]['role'],
    context: SignInContext,
    method: string,
  ): Promise<StartedSession> {
    const session = await db.transaction().execute(async (trx) => {
      if (context.previousToken) await deleteSession(trx, hashToken(context.previousToken));
      return startSession({ ...deps, db: trx }, { user, organisation, role, client: context.client });
    });
    await audit.recordEvent({
      organisationId: organisation.id,
      actorUserId: user.id,
      action: 'auth.signin',
      ip: context.client.ip,
      userAgent: context.client.userAgent,
      details: { method },
    });
    return session;
  }

  /**
   * After a first factor: the organisation the user joined first (not suspended), then the second factor the
   * account has, or its setting up when the organisation requires one, then the session.
   */
  async function continueSignIn(
    user: UserRow,
    context: SignInContext,
    options: { secondFactorDone: boolean; method: string },
  ): Promise<SignInOutcome> {
    const membership = await findSignInMembership(db, user.id);
    const organisation = membership && (await findOrganisationById(db, membership.organisation_id));
    if (!membership || !organisation) {
      throw new AppError('forbidden', {
        message: 'This account is not a member of any organisation any more.',
      });
    }
    if (membership.suspended) throw organisationSuspended('member');
    if (!options.secondFactorDone) {
      const methods = await secondFactor.listSecondFactorMethods(user.id);
      const stage =
        methods.length > 0 ? 'second_factor' : organisation.require_second_factor ? 'enrol' : null;
      if (stage) {
        const pending = await createPendingSignIn(db, clock, {
          userId: user.id,
          organisationId: organisation.id,
          stage,
        });
        const step: SignInNextStep =
          stage === 'second_factor'
            ? { next: 'second_factor', methods }
            : { next: 'set_up_second_factor', organisationName: organisation.name };
        return { kind: 'next', step, pending };
      }
    }
    const session = await openSession(user, organisation, membership.role, context, options.method);
    return { kind: 'session', session };
  }

  /** The pending sign-in's person and organisation, or sign_in_expired. */
  async function loadPending(token: string | undefined, stage: PendingSignInRow['stage']) {
    const pending = await requirePendingSignIn(db, clock, { token, stage });
    const user = await findUserById(db, pending.user_id);
    if (!user) throw signInExpired();
    return { pending, user };
  }

  /** Ends the pending sign-in and opens its session, its organisation checked again. */
  async function finishPending(
    pending: PendingSignInRow,
    user: UserRow,
    context: SignInContext,
    method: string,
  ): Promise<StartedSession> {
    await deletePendingSignIn(db, pending.id);
    const outcome = await continueSignIn(user, context, { secondFactorDone: true, method });
    if (outcome.kind !== 'session') throw signInExpired();
    return outcome.session;
  }

  return {
    /**
     * Re-entering the password in a signed-in session, before changing how one signs in: throttled and counted
     * like a sign-in, so a session left open cannot be used to guess the password.
     */
    async confirmPassword(options: {
      userId: string;
      sessionId: string;
      password: string;
      client: ClientInfo;
    }) {
      const user = await findUserById(db, options.userId);
      if (!user) throw new AppError('unauthenticated', { message: 'Sign in to continue.' });
      await throttle.assertSignInAllowed({ email: user.email, ip: options.client.ip, userId: user.id });
      if (!(await verifyPassword(user.password_hash, options.password))) {
        await recordFailure(user.email, options.client, user, 'password');
        throw new AppError('invalid_credentials', {
          message: 'That password is not right.',
          details: { fields: [{ field: 'password', message: 'Enter your current password' }] },
        });
      }
      await markSessionVerified(db, { id: options.sessionId, at: isoNow(clock) });
    },

    /**
     * Refuses to change how one signs in unless this session signed in within REAUTH_AFTER_MINUTES, or re-entered
     * its password within that or 5 minutes, whichever is longer (so 0 asks at the first change, and the password
     * just entered lets it through). API keys have no session, so they never may.
     */
    async assertRecentSignIn({ sessionId }: { sessionId: string }): Promise<void> {
      const session = sessionId ? await findSessionVerification(db, sessionId) : undefined;
      const now = clock.now().getTime();
      const window = deps.config.reauthAfterMs;
      if (session && now - Date.parse(session.created_at) < window) return;
      const confirmedAt = session?.verified_at;
      if (confirmedAt && now - Date.parse(confirmedAt) < Math.max(window, confirmedPasswordKeptMs)) return;
      throw new AppError('reauthentication_required', {
        message: 'Enter your password again to change how you sign in.',
      });
    },

    /** Checks the password (throttled per account and per address) and goes on to the second factor or session. */
    async signIn({ input, ...context }: { input: SignInInput } & SignInContext): Promise<SignInOutcome> {
      const user = await findUserByEmail(db, input.email);
      await throttle.assertSignInAllowed({
        email: input.email,
        ip: context.client.ip,
        userId: user?.id ?? null,
      });
      if (!user) await verifyAgainstDummy(input.password);
      if (!user || !(await verifyPassword(user.password_hash, input.password))) {
        await recordFailure(input.email, context.client, user, 'password');
        throw invalidCredentials();
      }
      const outcome = await continueSignIn(user, context, { secondFactorDone: false, method: 'password' });
      // Only a finished sign-in clears the failures: the password alone must not reset the count of wrong codes.
      if (outcome.kind === 'session') {
        await throttle.clearSignInFailures({ email: input.email, ip: context.client.ip });
      }
      return outcome;
    },

    /** The second step with a code from the authenticator app or a recovery code. */
    async completeSignInWithCode(
      options: {
        pendingToken: string | undefined;
        method: 'totp' | 'recovery_code';
        code: string;
      } & SignInContext,
    ): Promise<StartedSession> {
      const { pending, user } = await loadPending(options.pendingToken, 'second_factor');
      const ip = options.client.ip;
      await throttle.assertSignInAllowed({ email: user.email, ip, userId: user.id });
      const accepted =
        options.method === 'totp'
          ? await secondFactor.verifyTotpCode({ userId: user.id, code: options.code })
          : await secondFactor.useRecoveryCode({ userId: user.id, code: options.code });
      if (!accepted) {
        await countPendingAttempt(db, pending);
        await recordFailure(user.email, options.client, user, 'second_factor');
        throw wrongCode();
      }
      await throttle.clearSignInFailures({ email: user.email, ip });
      return finishPending(pending, user, options, options.method);
    },

    /** WebAuthn options for the second step (the account's passkeys) or a sign-in with a passkey alone. */
    async startPasskeySignIn({ pendingToken }: { pendingToken: string | undefined }) {
      if (!pendingToken) return secondFactor.passkeys.startAuthentication(null);
      const { user } = await loadPending(pendingToken, 'second_factor');
      return secondFactor.passkeys.startAuthentication(user.id);
    },

    /**
     * Checks a passkey: the second step after the password, or on its own (the authenticator verified the person,
     * so it is both factors).
     */
    async completePasskeySignIn(
      options: { pendingToken: string | undefined; response: Record<string, unknown> } & SignInContext,
    ): Promise<StartedSession> {
      if (options.pendingToken) {
        const { pending, user } = await loadPending(options.pendingToken, 'second_factor');
        await secondFactor.passkeys.verifyAuthentication({ response: options.response, userId: user.id });
        return finishPending(pending, user, options, 'passkey');
      }
      const userId = await secondFactor.passkeys.verifyAuthentication({
        response: options.response,
        userId: null,
      });
      const user = await findUserById(db, userId);
      if (!user) throw signInExpired();
      const outcome = await continueSignIn(user, options, { secondFactorDone: true, method: 'passkey' });
      if (outcome.kind !== 'session') throw signInExpired();
      return outcome.session;
    },

    /** Setting up a second factor during sign-in, because the organisation requires one: the app's secret. */
    async startEnrolmentTotp({ pendingToken }: { pendingToken: string | undefined }) {
      const { user } = await loadPending(pendingToken, 'enrol');
      return secondFactor.startTotpSetup({ userId: user.id, email: user.email });
    },

    /** Confirms the app set up during sign-in; the session starts and the recovery codes are shown once. */
    async completeEnrolmentTotp(
      options: { pendingToken: string | undefined; code: string } & SignInContext,
    ): Promise<{ session: StartedSession; recoveryCodes: RecoveryCodes }> {
      const { pending, user } = await loadPending(options.pendingToken, 'enrol');
      const recoveryCodes = await secondFactor.confirmTotp({ userId: user.id, code: options.code });
      return { session: await finishPending(pending, user, options, 'password+totp_setup'), recoveryCodes };
    },

    /** WebAuthn options to create a passkey during sign-in. */
    async startEnrolmentPasskey({ pendingToken }: { pendingToken: string | undefined }) {
      const { user } = await loadPending(pendingToken, 'enrol');
      return secondFactor.passkeys.startRegistration(user);
    },

    /** Keeps the passkey created during sign-in; the session starts and the recovery codes are shown once. */
    async completeEnrolmentPasskey(
      options: {
        pendingToken: string | undefined;
        response: Record<string, unknown>;
        name: string;
      } & SignInContext,
    ): Promise<{ session: StartedSession; recoveryCodes: RecoveryCodes }> {
      const { pending, user } = await loadPending(options.pendingToken, 'enrol');
      const added = await secondFactor.addPasskey({
        userId: user.id,
        response: options.response,
        name: options.name,
      });
      return {
        session: await finishPending(pending, user, options, 'password+passkey_setup'),
        recoveryCodes: added.recoveryCodes,
      };
    },

    /** For single sign-on: a session for a person the provider vouched for, in a given organisation. */
    openSession,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
