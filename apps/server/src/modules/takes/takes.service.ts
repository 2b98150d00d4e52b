import path from 'node:path';
import {
  practiceQuestionId,
  type InterviewSnapshot,
  type OpenedTake,
  type OpenTakeInput,
  type TakeState,
} from '@oneway/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import { assertConsentGiven, type ConsentReader } from '../candidate-interview/consent-gate.ts';
import { assertQuestionRevealed } from '../candidate-interview/reveal-gate.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';
import { assertTakeWithinAllowance } from './storage-allowance.ts';
import { decideTakeCost } from './take-rules.ts';
import * as repo from './takes.repository.ts';

export const uploadsPath = '/api/v1/uploads';

/** Where a take's bytes live once uploaded, relative to the media folder; built only from server ids. */
export const storageKeyOf = (take: {
  organisationId: string;
  invitationId: string;
  takeId: string;
}): string => path.join(take.organisationId, take.invitationId, `${take.takeId}.bin`);

const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && /unique|duplicate key/i.test(err.message);

export function createTakesService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  invitations: Pick<InvitationsService, 'assertInvitationOpen' | 'markInvitationStarted'>;
  invitationEvents: InvitationEventsService;
  consent: ConsentReader;
}) {
  const { db, clock } = deps;

  /** The question's take limit after accommodations; null for practice (unlimited). */
  async function takeLimitOf(invitation: InvitationsTable, questionId: string): Promise<number | null> {
    const json = await repo.findInvitationSnapshot(db, {
      interviewVersionId: invitation.interview_version_id,
    });
    if (!json) throw notFound('Interview');
    const snapshot = JSON.parse(json) as InterviewSnapshot;
    if (questionId === practiceQuestionId) {
      if (!snapshot.practiceQuestion.enabled) throw notFound('Practice question');
      return null;
    }
    const question = snapshot.questions.find((q) => q.id === questionId);
    if (!question) throw notFound('Question');
    return question.takes + parseAccommodations(invitation.accommodations).extraTakes;
  }

  return {
    /**
     * Opens a take before any byte is recorded: the invitation must be open, the recording notice agreed to, the
     * question part of its frozen version and shown to the candidate, and a take left (a free one after a real
     * technical failure). Earlier unfinished takes of the question end here, so only the newest take can receive
     * bytes.
     */
    async openTake(options: { invitation: InvitationsTable; input: OpenTakeInput }): Promise<OpenedTake> {
      const { invitation, input } = options;
      deps.invitations.assertInvitationOpen(invitation);
      await assertConsentGiven(deps.consent, invitation);
      const isPractice = input.questionId === practiceQuestionId;
      const limit = await takeLimitOf(invitation, input.questionId);
      await assertQuestionRevealed(db, invitation, input.questionId);
      const ref = { invitationId: invitation.id, questionId: input.questionId };
      const previous = await repo.listTakesOfQuestion(db, ref);
      const cost = decideTakeCost({ previous, limit, reason: input.reason });
      await assertTakeWithinAllowance(db, deps.config, { invitation, questionId: input.questionId });
      const takeId = newId();
      await repo.abandonUnfinishedTakes(db, ref);
      try {
        await repo.insertTake(db, {
          id: takeId,
          invitation_id: invitation.id,
          organisation_id: invitation.organisation_id,
          question_id: input.questionId,
          is_practice: isPractice ? 1 : 0,
          take_number: (previous.at(-1)?.take_number ?? 0) + 1,
          status: 'open',
          upload_id: null,
          storage_key: storageKeyOf({
            organisationId: invitation.organisation_id,
            invitationId: invitation.id,
            takeId,
          }),
          mime: null,
          bytes: null,
          sha256: null,
          counts_against_limit: cost.countsAgainstLimit ? 1 : 0,
          failure_reason: null,
          created_at: isoNow(clock),
          uploaded_at: null,
        });
      } catch (err) {
        // Two requests raced for the same take number: the loser asks again instead of getting a take for free.
        if (!isUniqueViolation(err)) throw err;
        throw new AppError('take_not_open', {
          message: 'Another take was opened at the same moment. Try again.',
        });
      }
      if (!isPractice) {
        await deps.invitations.markInvitationStarted({ invitationId: invitation.id });
        if (!cost.countsAgainstLimit) {
          await deps.invitationEvents.recordInvitationEvent({
            invitationId: invitation.id,
            organisationId: invitation.organisation_id,
            type: 'technical_failure',
            details: { questionId: input.questionId, reason: input.reason ?? null, takeId },
          });
        }
      }
      return { takeId, uploadUrl: uploadsPath, uploadMetadata: { takeId }, takesLeft: cost.takesLeft };
    },

    /** What the server holds of a take; another invitation's take is not found. */
    async getTakeState(options: { invitation: InvitationsTable; takeId: string }): Promise<TakeState> {
      const take = await repo.findTakeOfInvitation(db, {
        takeId: options.takeId,
        invitationId: options.invitation.id,
      });
      if (!take) throw notFound('Take');
      return {
        status: take.status,
        bytes: take.bytes,
        sha256: take.sha256,
        failureReason: take.failure_reason,
      };
    },
  };
}

export type TakesService = ReturnType<typeof createTakesService>;
