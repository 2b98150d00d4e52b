import { practiceQuestionId } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { findRevealedAt } from './candidate-interview.repository.ts';

/**
 * An answer is recorded only to a question whose prompt the candidate was shown: its reveal starts the think
 * time, so a take opened without one would skip the rules every other candidate answered under. Throws
 * question_not_revealed otherwise. The practice question has no reveal.
 */
export async function assertQuestionRevealed(
  db: Db,
  invitation: InvitationsTable,
  questionId: string,
): Promise<void> {
  if (questionId === practiceQuestionId) return;
  const revealedAt = await findRevealedAt(db, { invitationId: invitation.id, questionId });
  if (revealedAt === undefined) {
    throw new AppError('question_not_revealed', {
      message: 'Show the question before you record your answer.',
    });
  }
}
