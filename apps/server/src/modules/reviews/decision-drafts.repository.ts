import type { Db } from '../../db/database.ts';
import type { DecisionDraftsTable } from '../../db/schema/decision-drafts.ts';

type DraftRef = { invitationId: string; userId: string };

export function findDecisionDraft(db: Db, ref: DraftRef): Promise<DecisionDraftsTable | undefined> {
  return db
    .selectFrom('decision_drafts')
    .selectAll()
    .where('invitation_id', '=', ref.invitationId)
    .where('user_id', '=', ref.userId)
    .executeTakeFirst();
}

export async function upsertDecisionDraft(db: Db, row: DecisionDraftsTable): Promise<void> {
  await db
    .insertInto('decision_drafts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['invitation_id', 'user_id']).doUpdateSet({ note: row.note, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteDecisionDraft(db: Db, ref: DraftRef): Promise<void> {
  await db
    .deleteFrom('decision_drafts')
    .where('invitation_id', '=', ref.invitationId)
    .where('user_id', '=', ref.userId)
    .execute();
}
