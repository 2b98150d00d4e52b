import type { Member, Role } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  countOwners,
  deleteMembership,
  findMember,
  listMembers,
  updateMembershipRole,
  type MemberRow,
} from './members.repository.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';

export const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  name: row.name,
  email: row.email,
  role: row.role,
  joinedAt: row.created_at,
});

/** Only owners may make someone an owner or take the role away from one. */
export function assertMayManageRole(actor: AuthContext, role: Role): void {
  if (role === 'owner' && actor.role !== 'owner') {
    throw new AppError('forbidden', { message: 'Only owners can grant or remove the owner role.' });
  }
}

const lastOwner = () =>
  new AppError('last_owner', {
    message: 'An organisation needs at least one owner. Make someone else an owner first.',
  });

export function createMembersService({ db, audit }: { db: Db; audit: AuditService }) {
  // Another organisation's member answers 404 like a missing one, so ids reveal nothing across organisations.
  async function getMemberOrThrow(actor: AuthContext, userId: string): Promise<MemberRow> {
    const member = await findMember(db, { organisationId: actor.organisationId, userId });
    if (!member) throw notFound('Member');
    return member;
  }

  return {
    /** Everyone in the caller's organisation, in the order they joined. */
    async listMembers({ organisationId }: { organisationId: string }): Promise<Member[]> {
      return (await listMembers(db, organisationId)).map(toMember);
    },

    /** Changes a member's role, keeping at least one owner. */
    async changeMemberRole({
      actor,
      userId,
      role,
    }: {
      actor: AuthContext;
      userId: string;
      role: Role;
    }): Promise<Member> {
      const member = await getMemberOrThrow(actor, userId);
      assertMayManageRole(actor, member.role);
      assertMayManageRole(actor, role);
      if (member.role === role) return toMember(member);
      await db.transaction().execute(async (trx) => {
        if (member.role === 'owner' && (await countOwners(trx, actor.organisationId)) <= 1) throw lastOwner();
        await updateMembershipRole(trx, { organisationId: actor.organisationId, userId, role });
      });
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'member.role_changed',
        targetType: 'user',
        targetId: userId,
        details: { from: member.role, to: role },
      });
      return toMember({ ...member, role });
    },

    /** Removes a member from the caller's organisation and ends their sessions there. */
    async removeMember({ actor, userId }: { actor: AuthContext; userId: string }): Promise<void> {
      const member = await getMemberOrThrow(actor, userId);
      assertMayManageRole(actor, member.role);
      await db.transaction().execute(async (trx) => {
        if (member.role === 'owner' && (await countOwners(trx, actor.organisationId)) <= 1) throw lastOwner();
        await deleteMembership(trx, { organisationId: actor.organisationId, userId });
        await deleteSessionsOfUser(trx, { userId, organisationId: actor.organisationId });
      });
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'member.removed',
        targetType: 'user',
        targetId: userId,
        details: { role: member.role },
      });
    },
  };
}
