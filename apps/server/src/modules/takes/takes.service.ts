import path from 'node:path';
import {
  practiceQuestionId,
  type CandidateTakePlayback,
  type InterviewSnapshot,
  type OpenedTake,
  type OpenTakeInput,
  type TakePrefixSha256,
  type TakeState,
} from '@oneway/shared';
import type { Logger } from 'pino';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { listLiveTakesElsewhere } from '../../db/shared-queries.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import { assertConsentGiven, type ConsentReader } from '../candidate-interview/consent-gate.ts';
import { assertQuestionRevealed } from '../candidate-interview/reveal-gate.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { InvitationsService } from '../invitations/invitations.service.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';
import type { PlaybackService } from '../playback/playback.service.ts';
import { assertTakeWithinAllowance } from './storage-allowance.ts';
import { isTakenOver, recordingElsewhere } from './take-handover.ts';
import { hashTakePrefix } from './take-prefix.ts';
import { decideTakeCost } from './take-rules.ts';
import type { TakeUploadsService } from './take-uploads.service.ts';
import * as repo from './takes.repository.ts';
import type { UploadFinisher } from './upload-finisher.ts';
import type { UploadStore } from './upload-store.ts';

export const uploadsPath = '/api/v1/uploads';

/** Where a take's bytes live once uploaded, relative to the media folder; built only from server ids. */
export const storageKeyOf = (take: {
  organisationId: string;
  invitationId: string;
  takeId: string;
}): string => path.join(take.organisationId, take.invitationId, `${take.takeId}.bin`);

const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && /unique|duplicate key/i.test(err.message);

/** The question's place as the candidate sees it (1-based). */
const positionOf = (snapshot: InterviewSnapshot, questionId: string): number =>
  snapshot.questions.findIndex((q) => q.id === questionId) + 1;

export function createTakesService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  mediaStorage: MediaStorage;
  invitations: Pick<InvitationsService, 'assertInvitationOpen' | 'markInvitationStarted'>;
  invitationEvents: InvitationEventsService;
  consent: ConsentReader;
  takeUploads: Pick<TakeUploadsService, 'notifyUploadsEnded'>;
  uploadFinisher: Pick<UploadFinisher, 'finishIfComplete'>;
  uploadStore: Pick<UploadStore, 'hashPrefix'>;
  playback: Pick<PlaybackService, 'signCandidateTakePlayback'>;
}) {
  const { db, clock } = deps;

  async function loadSnapshot(invitation: InvitationsTable): Promise<InterviewSnapshot> {
    const json = await repo.findInvitationSnapshot(db, {
      interviewVersionId: invitation.interview_version_id,
    });
    if (!json) throw notFound('Interview');
    return JSON.parse(json) as InterviewSnapshot;
  }

  /** The question's take limit after accommodations; null for practice (unlimited). */
  function takeLimitOf(invitation: InvitationsTable, snapshot: InterviewSnapshot, questionId: string) {
    if (questionId === practiceQuestionId) {
      if (!snapshot.practiceQuestion.enabled) throw notFound('Practice question');
      return null;
    }
    const question = snapshot.questions.find((q) => q.id === questionId);
    if (!question) throw notFound('Question');
    return question.takes + parseAccommodations(invitation.accommodations).extraTakes;
  }

  /** Ends takes another device is recording (the candidate continues here), each on the timeline. */
  async function endTakesElsewhere(invitation: InvitationsTable, live: TakesTable[]): Promise<void> {
    const ended: string[] = [];
    for (const take of live) {
      if (!(await repo.endTakeTakenOver(db, take.id))) continue;
      if (take.upload_id) ended.push(take.upload_id);
      await deps.invitationEvents.recordInvitationEvent({
        invitationId: invitation.id,
        organisationId: invitation.organisation_id,
        type: 'take_taken_over',
        details: { questionId: take.question_id, takeId: take.id, takeNumber: take.take_number },
      });
    }
    deps.takeUploads.notifyUploadsEnded(ended);
  }

  async function findTakeOrThrow(invitation: InvitationsTable, takeId: string): Promise<TakesTable> {
    const take = await repo.findTakeOfInvitation(db, { takeId, invitationId: invitation.id });
    if (!take) throw notFound('Take');
    return take;
  }

  return {
    /**
     * Opens a take before any byte is recorded: the invitation must be open, the recording notice agreed to, the
     * question part of its frozen version and shown to the candidate, and a take left (a free one after a real
     * technical failure). Earlier unfinished takes of the question end here, so only the newest take can receive
     * bytes. While another session of the invitation (another device) records, it is refused with
     * recording_elsewhere unless `takeOver`: that recording then ends without costing a take.
     */
    async openTake(options: {
      invitation: InvitationsTable;
      sessionId: string;
      input: OpenTakeInput;
    }): Promise<OpenedTake> {
      const { invitation, input } = options;
      deps.invitations.assertInvitationOpen(invitation);
      await assertConsentGiven(deps.consent, invitation);
      const isPractice = input.questionId === practiceQuestionId;
      const snapshot = await loadSnapshot(invitation);
      const limit = takeLimitOf(invitation, snapshot, input.questionId);
      await assertQuestionRevealed(db, invitation, input.questionId);
      const live = await listLiveTakesElsewhere(db, {
        invitationId: invitation.id,
        sessionId: options.sessionId,
        now: clock.now(),
      });
      const newest = live[0];
      if (newest && !input.takeOver) {
        throw recordingElsewhere({
          questionId: newest.question_id,
          position: positionOf(snapshot, newest.question_id),
        });
      }
      const ref = { invitationId: invitation.id, questionId: input.questionId };
      const ending = new Set(live.map((t) => t.id));
      // Takes ended by a takeover (or about to be) never cost anything, nor count as a free take used.
      const previous = await repo.listTakesOfQuestion(db, ref);
      const cost = decideTakeCost({
        previous: previous.filter((t) => !isTakenOver(t) && !ending.has(t.id)),
        limit,
        reason: input.reason,
      });
      // Refused for want of room before anything is ended: the other device's recording goes on.
      await assertTakeWithinAllowance(db, deps.config, { invitation, questionId: input.questionId });
      if (live.length > 0) await endTakesElsewhere(invitation, live);
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
          candidate_session_id: options.sessionId,
          last_bytes_at: null,
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

    /**
     * What the server holds of a take; another invitation's take is not found. A take whose every byte arrived
     * but that is still `uploading` (the server died before saving it) is saved first, so the page sees it saved.
     */
    async getTakeState(options: { invitation: InvitationsTable; takeId: string }): Promise<TakeState> {
      let take = await findTakeOrThrow(options.invitation, options.takeId);
      if (take.status === 'uploading' && take.upload_id) {
        try {
          take = (await deps.uploadFinisher.finishIfComplete(take.upload_id)) ?? take;
        } catch (err) {
          // The state is still worth answering; the upload stays as it was for the next try.
          deps.logger.warn(
            { err, takeId: take.id },
            'could not finish a complete upload while reading its state',
          );
          take = await findTakeOrThrow(options.invitation, options.takeId);
        }
      }
      return {
        status: take.status,
        bytes: take.bytes,
        sha256: take.sha256,
        failureReason: take.failure_reason,
      };
    },

    /**
     * The SHA-256 of the first `bytes` bytes the server holds of a take (its stored file, or its upload in
     * progress), so the page can tell whether the server's copy starts with what the device kept. take_not_open
     * when the server holds fewer.
     */
    async getTakePrefixSha256(options: {
      invitation: InvitationsTable;
      takeId: string;
      bytes: number;
    }): Promise<TakePrefixSha256> {
      const take = await findTakeOrThrow(options.invitation, options.takeId);
      const sha256 = await hashTakePrefix({
        take,
        bytes: options.bytes,
        mediaStorage: deps.mediaStorage,
        uploads: deps.uploadStore,
      });
      return { sha256, bytes: options.bytes };
    },

    /**
     * A short-lived address to play back one of the candidate's own saved takes, their answer or not, while they
     * answer or after they submit. Another invitation's take, a practice take or one not saved is not found;
     * 409 media_not_ready until processing has made it playable.
     */
    async getTakePlayback(options: {
      invitation: InvitationsTable;
      takeId: string;
    }): Promise<CandidateTakePlayback> {
      const take = await repo.findTakeOfInvitation(db, {
        takeId: options.takeId,
        invitationId: options.invitation.id,
      });
      if (!take || take.status !== 'uploaded' || take.is_practice === 1) throw notFound('Recording');
      return deps.playback.signCandidateTakePlayback({
        organisationId: take.organisation_id,
        takeId: take.id,
      });
    },
  };
}

export type TakesService = ReturnType<typeof createTakesService>;
