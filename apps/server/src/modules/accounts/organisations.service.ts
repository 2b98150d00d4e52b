import type { Organisation } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  findOrganisationById,
  updateOrganisationName,
  type OrganisationRow,
} from './organisations.repository.ts';

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

export function createOrganisationsService({ db, audit }: { db: Db; audit: AuditService }) {
  async function getOrganisation({ organisationId }: { organisationId: string }): Promise<Organisation> {
    const row = await findOrganisationById(db, organisationId);
    if (!row) throw notFound('Organisation');
    return toOrganisation(row);
  }

  return {
    /** The caller's organisation. */
    getOrganisation,

    /** Requires (or stops requiring) a second factor of every member, from their next sign-in. */
    async setSecondFactorRequired({
      actor,
      required,
    }: {
      actor: AuthContext;
      required: boolean;
    }): Promise<{ requireSecondFactor: boolean }> {
      await db
        .updateTable('organisations')
        .set({ require_second_factor: required ? 1 : 0 })
        .where('id', '=', actor.organisationId)
        .execute();
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: required ? 'organisation.second_factor_required' : 'organisation.second_factor_optional',
        targetType: 'organisation',
        targetId: actor.organisationId,
      });
      return { requireSecondFactor: required };
    },

    /** Renames the caller's organisation. */
    async renameOrganisation({ actor, name }: { actor: AuthContext; name: string }): Promise<Organisation> {
      await updateOrganisationName(db, { id: actor.organisationId, name });
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'organisation.renamed',
        targetType: 'organisation',
        targetId: actor.organisationId,
      });
      return getOrganisation({ organisationId: actor.organisationId });
    },
  };
}
