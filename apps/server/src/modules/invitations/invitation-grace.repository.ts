import type { Db } from '../../db/database.ts';
import type { QuestionRevealsTable } from '../../db/schema/question-reveals.ts';
import type { TakesTable } from '../../db/schema/takes.ts';

/** What decides an invitation's grace after its deadline: its takes, its reveals and its frozen interview. */
export async function findGraceFacts(
  db: Db,
  invitation: { id: string; interview_version_id: string },
): Promise<{
  takes: Pick<TakesTable, 'question_id' | 'created_at' | 'status' | 'is_practice'>[];
  reveals: Pick<QuestionRevealsTable, 'question_id' | 'revealed_at'>[];
  snapshot: string | undefined;
}> {
  const [takes, reveals, version] = await Promise.all([
    db
      .selectFrom('takes')
      .select(['question_id', 'created_at', 'status', 'is_practice'])
      .where('invitation_id', '=', invitation.id)
      .execute(),
    db
      .selectFrom('question_reveals')
      .select(['question_id', 'revealed_at'])
      .where('invitation_id', '=', invitation.id)
      .execute(),
    db
      .selectFrom('interview_versions')
      .select('snapshot')
      .where('id', '=', invitation.interview_version_id)
      .executeTakeFirst(),
  ]);
  return { takes, reveals, snapshot: version?.snapshot };
}
