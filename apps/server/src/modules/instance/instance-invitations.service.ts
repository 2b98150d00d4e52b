import type { InstanceInvitation } from '@oneway/shared';
import type { Selectable } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InstanceInvitationsTable } from '../../db/schema/instance-invitations.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { buildInstanceInvitationMail } from '../accounts/account-mails.ts';
import type { MailService } from '../mail/mail.service.ts';

type InstanceInvitationRow = Selectable<InstanceInvitationsTable>;

const lifetimeDays = 14;

const toInvitation = (row: InstanceInvitationRow): InstanceInvitation => ({
  id: row.id,
  email: row.email,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

export const invitationInvalid = () =>
  new AppError('instance_invitation_invalid', {
    message:
      'This invitation is not valid: it was used, withdrawn or has expired. Ask the administrator for a new one.',
  });

/** Invitations an instance administrator sends to create an organisation (the way in with SIGNUP=invite). */
export function createInstanceInvitationsService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: MailService;
  audit: AuditService;
}) {
  const { db, config, clock } = deps;

  const findByToken = (token: string) =>
    db
      .selectFrom('instance_invitations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();

  async function requireUsableInvitation(token: string): Promise<InstanceInvitationRow> {
    const row = await findByToken(token);
    const usable =
      row && !row.used_at && !row.revoked_at && Date.parse(row.expires_at) > clock.now().getTime();
    if (!usable) throw invitationInvalid();
    return row;
  }

  return {
    /** E-mails an invitation with a 14-day link; answers it and the link (to pass on when mail does not arrive). */
    async createInstanceInvitation(options: {
      actorUserId: string | null;
      email: string;
    }): Promise<{ invitation: InstanceInvitation; link: string; token: string }> {
      if (await db.selectFrom('users').select('id').where('email', '=', options.email).executeTakeFirst()) {
        throw new AppError('already_member', {
          message: 'This address already has an account. Its owner can create nothing more this way.',
          details: { fields: [{ field: 'email', message: 'This address already has an account' }] },
        });
      }
      const token = createToken();
      const row: InstanceInvitationRow = {
        id: newId(),
        email: options.email,
        token_hash: hashToken(token),
        created_by_user_id: options.actorUserId,
        created_at: isoNow(clock),
        expires_at: isoIn(clock, lifetimeDays * 86_400_000),
        used_at: null,
        revoked_at: null,
      };
      await db.insertInto('instance_invitations').values(row).execute();
      const mail = buildInstanceInvitationMail(config, { token, days: lifetimeDays });
      await deps.mail.queueEmail({ organisationId: null, to: options.email, ...mail });
      await deps.audit.recordEvent({
        organisationId: null,
        actorUserId: options.actorUserId,
        action: 'instance.invitation_created',
        details: { email: options.email },
      });
      return { invitation: toInvitation(row), link: `${config.publicUrl}/signup?invitation=${token}`, token };
    },

    /** Every invitation, newest first. */
    async listInstanceInvitations(): Promise<InstanceInvitation[]> {
      const rows = await db
        .selectFrom('instance_invitations')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(toInvitation);
    },

    /** Withdraws an unused invitation: its link stops working. */
    async revokeInstanceInvitation(options: { id: string; actorUserId: string }): Promise<void> {
      const result = await db
        .updateTable('instance_invitations')
        .set({ revoked_at: isoNow(clock) })
        .where('id', '=', options.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw notFound('Unused invitation');
      await deps.audit.recordEvent({
        organisationId: null,
        actorUserId: options.actorUserId,
        action: 'instance.invitation_revoked',
        targetType: 'instance_invitation',
        targetId: options.id,
      });
    },

    /** The address an invitation link is for, for the sign-up page; refused when it cannot be used. */
    async previewInstanceInvitation(token: string): Promise<{ email: string }> {
      const row = await requireUsableInvitation(token);
      return { email: row.email };
    },

    requireUsableInvitation,

    /** Uses the invitation up; refused when another sign-up used it first. */
    async useInvitation(id: string): Promise<void> {
      const result = await db
        .updateTable('instance_invitations')
        .set({ used_at: isoNow(clock) })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw invitationInvalid();
    },
  };
}

export type InstanceInvitationsService = ReturnType<typeof createInstanceInvitationsService>;
