import type { SignInInput, SignUpInput } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findFirstMembershipOfUser, insertMembership } from './members.repository.ts';
import { findOrganisationById, insertOrganisation } from './organisations.repository.ts';
import { assertPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { deleteSession } from './sessions.repository.ts';
import { startSession, type ClientInfo, type StartedSession } from './sessions.service.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { findUserByEmail, insertUser, type UserRow } from './users.repository.ts';

interface AuthDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
}

/** What signing in needs besides the credentials: where from, and the cookie it replaces, if any. */
export interface SignInContext {
  client: ClientInfo;
  previousToken?: string | undefined;
}

export const emailTaken = () =>
  new AppError('email_taken', {
    message: 'An account with this e-mail address already exists. Sign in instead.',
    details: { fields: [{ field: 'email', message: 'This e-mail address is already registered' }] },
  });

export const invalidCredentials = () =>
  new AppError('invalid_credentials', { message: 'The e-mail address or password is not right.' });

export function createAuthService(deps: AuthDeps) {
  const { db, clock, audit } = deps;

  async function recordSignInFailure(email: string, client: ClientInfo, user: UserRow | undefined) {
    await audit.recordEvent({
      organisationId: null,
      actorUserId: user?.id ?? null,
      action: 'auth.signin_failed',
      ip: client.ip,
      userAgent: client.userAgent,
      details: { email },
    });
  }

  return {
    /** Creates an organisation and its owner, and signs the owner in. */
    async signUp({
      input,
      client,
      previousToken,
    }: { input: SignUpInput } & SignInContext): Promise<StartedSession> {
      assertPasswordStrength(input);
      if (await findUserByEmail(db, input.email)) throw emailTaken();
      const passwordHash = await hashPassword(input.password);
      const now = isoNow(clock);
      const organisation = { id: newId(), name: input.organisationName, created_at: now };
      const user: UserRow = {
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        created_at: now,
        password_changed_at: now,
      };
      let session: StartedSession;
      try {
        session = await db.transaction().execute(async (trx) => {
          await insertOrganisation(trx, organisation);
          await insertUser(trx, user);
          await insertMembership(trx, {
            organisation_id: organisation.id,
            user_id: user.id,
            role: 'owner',
            created_at: now,
          });
          if (previousToken) await deleteSession(trx, hashToken(previousToken));
          return startSession({ ...deps, db: trx }, { user, organisation, role: 'owner', client });
        });
      } catch (error) {
        // Two sign-ups with one e-mail at the same moment: both pass the check above, one insert loses.
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
      await audit.recordEvent({
        organisationId: organisation.id,
        actorUserId: user.id,
        action: 'auth.signup',
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return session;
    },

    /** Checks the password and opens a new session in the organisation the user joined first. */
    async signIn({
      input,
      client,
      previousToken,
    }: { input: SignInInput } & SignInContext): Promise<StartedSession> {
      const user = await findUserByEmail(db, input.email);
      if (!user) await verifyAgainstDummy(input.password);
      if (!user || !(await verifyPassword(user.password_hash, input.password))) {
        await recordSignInFailure(input.email, client, user);
        throw invalidCredentials();
      }
      const membership = await findFirstMembershipOfUser(db, user.id);
      const organisation = membership && (await findOrganisationById(db, membership.organisation_id));
      if (!membership || !organisation) {
        throw new AppError('forbidden', {
          message: 'This account is not a member of any organisation any more.',
        });
      }
      const session = await db.transaction().execute(async (trx) => {
        if (previousToken) await deleteSession(trx, hashToken(previousToken));
        return startSession({ ...deps, db: trx }, { user, organisation, role: membership.role, client });
      });
      await audit.recordEvent({
        organisationId: organisation.id,
        actorUserId: user.id,
        action: 'auth.signin',
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return session;
    },
  };
}
