import type { Role, SessionInfo } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { countEmailsLeftToday } from '../mail/mail-holds.ts';
import { AppError } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken } from '../../lib/tokens.ts';
import { isInstanceAdmin } from '../instance/instance-admins.ts';
import type { OrganisationRow } from './organisations.repository.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionInfo,
  findSessionWithRole,
  insertSession,
  touchSession,
} from './sessions.repository.ts';
import type { UserRow } from './users.repository.ts';

/** Where a request came from, kept with sessions and audit events. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A new session: the cookie value (never stored), when it ends, and what the web app is told. */
export interface StartedSession {
  token: string;
  expiresAt: string;
  info: SessionInfo;
}

/** The session behind a request's cookie, with the role read fresh from the membership. */
export interface ResolvedSession {
  sessionId: string;
  userId: string;
  organisationId: string;
  role: Role;
  csrfToken: string;
}

// Writing last_seen_at on every request would turn each read into a write; a minute is fine-grained enough
// for an idle timeout measured in hours.
export const touchIntervalMs = 60_000;

interface SessionDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** Opens a session with a new id and CSRF token; pass the transaction that signs the user in. */
export async function startSession(
  { db, config, clock }: SessionDeps,
  options: { user: UserRow; organisation: OrganisationRow; role: Role; client: ClientInfo },
): Promise<StartedSession> {
  const { user, organisation, role, client } = options;
  const token = createToken();
  const csrfToken = createToken();
  const now = isoNow(clock);
  const expiresAt = isoIn(clock, config.sessionAbsoluteMs);
  await insertSession(db, {
    id: hashToken(token),
    user_id: user.id,
    organisation_id: organisation.id,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
  });
  return {
    token,
    expiresAt,
    info: {
      user: { id: user.id, name: user.name, email: user.email },
      organisation: { id: organisation.id, name: organisation.name, createdAt: organisation.created_at },
      role,
      csrfToken,
      mailDelivery: mailDeliveryOf(config),
      mailLeftToday: await countEmailsLeftToday(db, {
        organisationId: organisation.id,
        limit: config.mailDailyLimit,
        clock,
      }),
      instanceAdmin: await isInstanceAdmin(db, config, user),
    },
  };
}

/** Whether mail leaves through a mail server or stays in the outbox. */
export const mailDeliveryOf = (config: Pick<Config, 'smtpUrl'>): SessionInfo['mailDelivery'] =>
  config.smtpUrl ? 'smtp' : 'outbox';

export function createSessionsService({ db, config, clock }: SessionDeps) {
  return {
    /** Finds the live session for a cookie value; deletes and refuses one that is expired or idle too long. */
    async resolveSession({ token }: { token: string }): Promise<ResolvedSession | null> {
      const id = hashToken(token);
      const row = await findSessionWithRole(db, id);
      if (!row) return null;
      const now = clock.now().getTime();
      const idleMs = now - Date.parse(row.last_seen_at);
      const ended = now >= Date.parse(row.expires_at) || idleMs >= config.sessionIdleMs;
      if (row.role === null || row.suspended_at !== null || ended) {
        await deleteSession(db, id);
        return null;
      }
      if (idleMs >= touchIntervalMs) await touchSession(db, { id, lastSeenAt: isoNow(clock) });
      return {
        sessionId: id,
        userId: row.user_id,
        organisationId: row.organisation_id,
        role: row.role,
        csrfToken: row.csrf_token,
      };
    },

    /** Who is signed in with this session, for GET /auth/me. */
    async getSessionInfo({ sessionId }: { sessionId: string }): Promise<SessionInfo> {
      const row = await findSessionInfo(db, sessionId);
      if (!row) throw new AppError('unauthenticated', { message: 'Sign in to continue.' });
      return {
        user: { id: row.user_id, name: row.user_name, email: row.user_email },
        organisation: {
          id: row.organisation_id,
          name: row.organisation_name,
          createdAt: row.organisation_created_at,
        },
        role: row.role,
        csrfToken: row.csrf_token,
        mailDelivery: mailDeliveryOf(config),
        mailLeftToday: await countEmailsLeftToday(db, {
          organisationId: row.organisation_id,
          limit: config.mailDailyLimit,
          clock,
        }),
        instanceAdmin: await isInstanceAdmin(db, config, { id: row.user_id, email: row.user_email }),
      };
    },

    /** Ends one session (sign out on this device). */
    async endSession({ sessionId }: { sessionId: string }): Promise<void> {
      await deleteSession(db, sessionId);
    },

    /** Ends every session of the user, in every organisation. */
    async endAllSessions({ userId }: { userId: string }): Promise<void> {
      await deleteSessionsOfUser(db, { userId });
    },

    /** Deletes sessions that can no longer be used; for the sessions.purge job. Returns how many. */
    purgeExpiredSessions(): Promise<number> {
      return deleteExpiredSessions(db, {
        now: isoNow(clock),
        idleSince: isoIn(clock, -config.sessionIdleMs),
      });
    },
  };
}
