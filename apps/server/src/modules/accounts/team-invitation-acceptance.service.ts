import type { TeamInvitationPreview } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { invalidCredentials, type SignInContext } from './auth.service.ts';
import { findMember, insertMembership } from './members.repository.ts';
import { findOrganisationById } from './organisations.repository.ts';
import { assertPasswordStrength } from './password-strength.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { emailTaken } from './signup.service.ts';
import { deleteSession } from './sessions.repository.ts';
import { startSession, type StartedSession } from './sessions.service.ts';
import {
  acceptTeamInvitationRow,
  findTeamInvitationByTokenHash,
  type TeamInvitationWithOrganisation,
} from './team-invitations.repository.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { findUserByEmail, insertUser, type UserRow } from './users.repository.ts';

interface AcceptanceDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
}

export interface AcceptTeamInvitationInput {
  token: string;
  name?: string | undefined;
  password: string;
}

const invitationUsed = () =>
  new AppError('team_invitation_used', {
    message: 'This invitation has been accepted already. Sign in instead.',
  });

export function createTeamInvitationAcceptanceService(deps: AcceptanceDeps) {
  const { db, clock, audit } = deps;

  async function getUsableInvitationOrThrow(token: string): Promise<TeamInvitationWithOrganisation> {
    const invitation = await findTeamInvitationByTokenHash(db, hashToken(token));
    if (!invitation || invitation.revoked_at) {
      throw new AppError('team_invitation_invalid', {
        message: 'This invitation link is not valid. Ask for a new invitation.',
      });
    }
    if (invitation.accepted_at) throw invitationUsed();
    if (clock.now().getTime() >= Date.parse(invitation.expires_at)) {
      throw new AppError('team_invitation_expired', {
        message: 'This invitation has expired. Ask for a new invitation.',
      });
    }
    return invitation;
  }

  // A known address proves itself with its password; a new one needs a name and an acceptable password.
  async function getOrPrepareUser(
    email: string,
    input: AcceptTeamInvitationInput,
  ): Promise<[UserRow, boolean]> {
    const existing = await findUserByEmail(db, email);
    if (existing) {
      if (!(await verifyPassword(existing.password_hash, input.password))) throw invalidCredentials();
      return [existing, false];
    }
    if (!input.name) {
      throw new AppError('validation_failed', {
        message: 'Check these fields: name',
        details: { fields: [{ field: 'name', message: 'Enter your name' }] },
      });
    }
    await assertPasswordStrength(input.password, [email, input.name]);
    const now = isoNow(clock);
    const user: UserRow = {
      id: newId(),
      email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      created_at: now,
      password_changed_at: now,
    };
    return [user, true];
  }

  return {
    /** What an invitation link offers, without using it up (mail scanners follow links). */
    async previewTeamInvitation({ token }: { token: string }): Promise<TeamInvitationPreview> {
      const invitation = await getUsableInvitationOrThrow(token);
      return {
        organisationName: invitation.organisation_name,
        email: invitation.email,
        role: invitation.role,
        hasAccount: (await findUserByEmail(db, invitation.email)) !== undefined,
      };
    },

    /** Accepts an invitation, creating the account if needed, and signs in to the organisation. */
    async acceptTeamInvitation({
      input,
      client,
      previousToken,
    }: { input: AcceptTeamInvitationInput } & SignInContext): Promise<StartedSession> {
      const invitation = await getUsableInvitationOrThrow(input.token);
      const [user, isNewUser] = await getOrPrepareUser(invitation.email, input);
      const organisation = await findOrganisationById(db, invitation.organisation_id);
      if (!organisation) throw invitationUsed();
      const now = isoNow(clock);
      let session: StartedSession;
      try {
        session = await db.transaction().execute(async (trx) => {
          if (!(await acceptTeamInvitationRow(trx, { id: invitation.id, acceptedAt: now })))
            throw invitationUsed();
          if (isNewUser) await insertUser(trx, user);
          // Someone added meanwhile keeps the role they have.
          const member = await findMember(trx, { organisationId: organisation.id, userId: user.id });
          if (!member) {
            await insertMembership(trx, {
              organisation_id: organisation.id,
              user_id: user.id,
              role: invitation.role,
              created_at: now,
            });
          }
          if (previousToken) await deleteSession(trx, hashToken(previousToken));
          return startSession(
            { ...deps, db: trx },
            { user, organisation, role: member?.role ?? invitation.role, client },
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
      await audit.recordEvent({
        organisationId: organisation.id,
        actorUserId: user.id,
        action: 'team_invitation.accepted',
        targetType: 'team_invitation',
        targetId: invitation.id,
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return session;
    },
  };
}
