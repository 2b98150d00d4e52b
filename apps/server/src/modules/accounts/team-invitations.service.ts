import type { InviteMemberInput, TeamInvitation } from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { findMemberByEmail } from './members.repository.ts';
import { assertMayManageRole } from './members.service.ts';
import { findOrganisationById } from './organisations.repository.ts';
import {
  findOpenTeamInvitation,
  insertTeamInvitation,
  listOpenTeamInvitations,
  renewTeamInvitationToken,
  revokeOpenTeamInvitationsFor,
  revokeTeamInvitation,
  type TeamInvitationWithInviter,
} from './team-invitations.repository.ts';
import { findUserById } from './users.repository.ts';

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

interface TeamInvitationDeps {
  db: Db;
  config: Config;
  clock: Clock;
  mail: MailService;
  audit: AuditService;
}

const toTeamInvitation = (row: TeamInvitationWithInviter): TeamInvitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy: row.invited_by_name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function createTeamInvitationsService({ db, config, clock, mail, audit }: TeamInvitationDeps) {
  async function sendInvitationEmail(
    actor: AuthContext,
    invitation: { email: string; role: string },
    token: string,
  ) {
    const [inviter, organisation] = await Promise.all([
      findUserById(db, actor.userId),
      findOrganisationById(db, actor.organisationId),
    ]);
    const link = `${config.publicUrl}/join?token=${token}`;
    // The organisation name is typed by users; keep line breaks out of the subject header.
    const organisationName = (organisation?.name ?? 'your team').replace(/\s+/g, ' ');
    await mail.queueEmail({
      organisationId: actor.organisationId,
      to: invitation.email,
      subject: `Join ${organisationName} on Oneway`,
      text: [
        `${inviter?.name ?? 'A colleague'} invited you to join ${organisationName} on Oneway ` +
          `as ${invitation.role}.`,
        '',
        `Accept the invitation here within 7 days: ${link}`,
        '',
        'If you did not expect this, you can ignore this e-mail.',
      ].join('\n'),
    });
  }

  async function getOpenInvitationOrThrow(
    actor: AuthContext,
    id: string,
  ): Promise<TeamInvitationWithInviter> {
    // Scoped to the caller's organisation: another organisation's invitation is simply not found.
    const invitation = await findOpenTeamInvitation(db, { organisationId: actor.organisationId, id });
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  async function recordEvent(
    actor: AuthContext,
    action: string,
    invitationId: string,
    details?: Record<string, unknown>,
  ) {
    await audit.recordEvent({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action,
      targetType: 'team_invitation',
      targetId: invitationId,
      ...(details ? { details } : {}),
    });
  }

  return {
    /** Invitations of the caller's organisation not yet accepted or revoked, newest first. */
    async listTeamInvitations({ organisationId }: { organisationId: string }): Promise<TeamInvitation[]> {
      return (await listOpenTeamInvitations(db, organisationId)).map(toTeamInvitation);
    },

    /** Invites someone to the caller's organisation, replacing an open invitation to the same address. */
    async inviteMember({
      actor,
      input,
    }: {
      actor: AuthContext;
      input: InviteMemberInput;
    }): Promise<TeamInvitation> {
      assertMayManageRole(actor, input.role);
      if (await findMemberByEmail(db, { organisationId: actor.organisationId, email: input.email })) {
        throw new AppError('already_member', {
          message: 'Someone with this e-mail address is already a member.',
          details: { fields: [{ field: 'email', message: 'Already a member' }] },
        });
      }
      const token = createToken();
      const id = newId();
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        await revokeOpenTeamInvitationsFor(trx, {
          organisationId: actor.organisationId,
          email: input.email,
          revokedAt: now,
        });
        await insertTeamInvitation(trx, {
          id,
          organisation_id: actor.organisationId,
          email: input.email,
          role: input.role,
          token_hash: hashToken(token),
          invited_by_user_id: actor.userId,
          created_at: now,
          expires_at: isoIn(clock, invitationLifetimeMs),
          accepted_at: null,
          revoked_at: null,
        });
      });
      await sendInvitationEmail(actor, input, token);
      await recordEvent(actor, 'team_invitation.created', id, { role: input.role });
      return toTeamInvitation(await getOpenInvitationOrThrow(actor, id));
    },

    /** Revokes an open invitation: its link stops working. */
    async revokeTeamInvitation({
      actor,
      invitationId,
    }: {
      actor: AuthContext;
      invitationId: string;
    }): Promise<void> {
      const revoked = await revokeTeamInvitation(db, {
        organisationId: actor.organisationId,
        id: invitationId,
        revokedAt: isoNow(clock),
      });
      if (!revoked) throw notFound('Invitation');
      await recordEvent(actor, 'team_invitation.revoked', invitationId);
    },

    /** Sends an open invitation again with a new link valid for another 7 days; the old link stops working. */
    async resendTeamInvitation({
      actor,
      invitationId,
    }: {
      actor: AuthContext;
      invitationId: string;
    }): Promise<void> {
      const invitation = await getOpenInvitationOrThrow(actor, invitationId);
      assertMayManageRole(actor, invitation.role);
      const token = createToken();
      await renewTeamInvitationToken(db, {
        organisationId: actor.organisationId,
        id: invitation.id,
        tokenHash: hashToken(token),
        expiresAt: isoIn(clock, invitationLifetimeMs),
      });
      await sendInvitationEmail(actor, invitation, token);
      await recordEvent(actor, 'team_invitation.resent', invitation.id);
    },
  };
}
