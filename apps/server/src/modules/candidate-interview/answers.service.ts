import {
  accommodatedTextMaxChars,
  type AnswerType,
  type CandidateAnswer,
  type SaveAnswerInput,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { AnswersTable } from '../../db/schema/answers.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import * as repo from './candidate-interview.repository.ts';
import { assertConsentGiven, type ConsentReader } from './consent-gate.ts';
import { getQuestionOrThrow, loadInterviewFacts } from './interview-facts.ts';
import { toCandidateAnswer } from './interview-view.ts';

const takeNotSaved = (message: string) => new AppError('take_not_saved', { message });

/** Characters as people count them (a letter with an accent or an emoji is one), not UTF-16 units. */
const countCharacters = (text: string): number => [...text].length;

/** The row for a text answer, once it fits the question as this candidate answers it. */
function textAnswerRow(options: {
  answerType: AnswerType;
  maxChars: number | null;
  text: string;
}): Pick<AnswersTable, 'kind' | 'take_id' | 'text'> {
  if (options.answerType !== 'text') {
    throw validationFailed([
      { field: 'text', message: `This question takes a ${options.answerType} answer, not a written one` },
    ]);
  }
  const limit = options.maxChars ?? accommodatedTextMaxChars;
  const length = countCharacters(options.text);
  if (length > limit) {
    throw validationFailed([
      { field: 'text', message: `Keep the answer to at most ${limit} characters (it has ${length})` },
    ]);
  }
  return { kind: 'text', take_id: null, text: options.text };
}

/** The answer each question has: the take the candidate chose, the newest saved take, or a text. */
export function createAnswersService(deps: {
  db: Db;
  clock: Clock;
  invitations: Pick<InvitationsService, 'assertInvitationOpenOrInGrace'>;
  invitationEvents: InvitationEventsService;
  consent: ConsentReader;
}) {
  const { db, clock } = deps;

  /** The row for a take answer: a take of this invitation and question that the server holds every byte of. */
  async function takeAnswerRow(
    invitation: InvitationsTable,
    options: { answerType: AnswerType; questionId: string; takeId: string },
  ): Promise<Pick<AnswersTable, 'kind' | 'take_id' | 'text'>> {
    if (options.answerType === 'text') {
      throw validationFailed([
        { field: 'takeId', message: 'This question takes a written answer, not a take' },
      ]);
    }
    const take = await repo.findTakeOfInvitation(db, { takeId: options.takeId, invitationId: invitation.id });
    if (!take) throw notFound('Take');
    if (take.question_id !== options.questionId) {
      throw takeNotSaved('That take was recorded for another question.');
    }
    if (take.status !== 'uploaded') {
      throw takeNotSaved('That take has not finished saving. Choose a take that shows as saved.');
    }
    return { kind: 'take', take_id: take.id, text: null };
  }

  return {
    /**
     * Sets a question's answer: one of its saved takes, or a text when the question (after accommodations) is
     * answered in writing, within its character limit. Refused once the interview is submitted, or past its deadline
     * once the grace of an answer started before it is over.
     */
    async saveAnswer(options: {
      invitation: InvitationsTable;
      questionId: string;
      input: SaveAnswerInput;
    }): Promise<CandidateAnswer> {
      const { invitation, questionId, input } = options;
      await deps.invitations.assertInvitationOpenOrInGrace(invitation);
      const { rules } = getQuestionOrThrow(await loadInterviewFacts(db, invitation), questionId);
      await assertConsentGiven(deps.consent, invitation);
      const rule = { answerType: rules.answerType, questionId };
      const content =
        'takeId' in input
          ? await takeAnswerRow(invitation, { ...rule, takeId: input.takeId })
          : textAnswerRow({ ...rule, maxChars: rules.textMaxChars, text: input.text });
      const row: AnswersTable = {
        id: newId(),
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        question_id: questionId,
        ...content,
        saved_at: isoNow(clock),
      };
      const previous =
        row.kind === 'text' ? await repo.findAnswer(db, { invitationId: invitation.id, questionId }) : null;
      await repo.upsertAnswer(db, row);
      // Saved takes are on the timeline from their upload; a written answer appears here, once: the page saves it
      // every few seconds as it is typed, and each edit on the timeline would bury everything else.
      if (row.kind === 'text' && previous?.kind !== 'text') {
        await deps.invitationEvents.recordInvitationEvent({
          invitationId: invitation.id,
          organisationId: invitation.organisation_id,
          type: 'answer_saved',
          details: { questionId, kind: 'text', characters: countCharacters(row.text ?? '') },
        });
      }
      return toCandidateAnswer(row);
    },

    /**
     * A take just finished uploading: it becomes its question's answer unless a newer take already is, so nothing
     * is lost if the candidate leaves now. Practice takes and submitted interviews are left alone.
     */
    async answerWithSavedTake(
      take: Pick<
        TakesTable,
        'id' | 'invitation_id' | 'organisation_id' | 'question_id' | 'take_number' | 'is_practice'
      >,
    ): Promise<void> {
      if (take.is_practice === 1) return;
      const status = await repo.findInvitationStatus(db, take.invitation_id);
      if (status === 'completed' || status === 'withdrawn') return;
      const ref = { invitationId: take.invitation_id, questionId: take.question_id };
      const current = await repo.findAnswer(db, ref);
      if (current?.kind === 'take' && (current.take_number ?? 0) > take.take_number) return;
      await repo.upsertAnswer(db, {
        id: newId(),
        invitation_id: take.invitation_id,
        organisation_id: take.organisation_id,
        question_id: take.question_id,
        kind: 'take',
        take_id: take.id,
        text: null,
        saved_at: isoNow(clock),
      });
    },
  };
}

export type AnswersService = ReturnType<typeof createAnswersService>;
