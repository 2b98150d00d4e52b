import {
  applyAccommodationsToQuestion,
  type Accommodations,
  type CandidateQuestionRules,
  type InterviewSnapshot,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { notFound } from '../../errors.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';
import { findInvitationSnapshot } from './candidate-interview.repository.ts';

type SnapshotQuestion = InterviewSnapshot['questions'][number];

/** The frozen interview an invitation was sent with, and the candidate's accommodations. */
export interface InterviewFacts {
  snapshot: InterviewSnapshot;
  accommodations: Accommodations;
}

export async function loadInterviewFacts(db: Db, invitation: InvitationsTable): Promise<InterviewFacts> {
  const json = await findInvitationSnapshot(db, { interviewVersionId: invitation.interview_version_id });
  if (!json) throw notFound('Interview');
  return {
    snapshot: JSON.parse(json) as InterviewSnapshot,
    accommodations: parseAccommodations(invitation.accommodations),
  };
}

/**
 * A question of the invitation's frozen version with its rules for this candidate. The practice question is not
 * one of them, nor a question of another interview: both are not found.
 */
export function getQuestionOrThrow(
  facts: InterviewFacts,
  questionId: string,
): { question: SnapshotQuestion; rules: CandidateQuestionRules } {
  const index = facts.snapshot.questions.findIndex((q) => q.id === questionId);
  const question = facts.snapshot.questions[index];
  if (!question) throw notFound('Question');
  return { question, rules: applyAccommodationsToQuestion(question, index + 1, facts.accommodations) };
}
