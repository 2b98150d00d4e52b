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
