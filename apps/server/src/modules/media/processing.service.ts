import {
  jobNames,
  type InterviewSnapshot,
  type ProcessingOverview,
  type TakeProcessingState,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { TakeMediaTable } from '../../db/schema/take-media.ts';
import { AppError, notFound } from '../../errors.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import * as mediaRepo from './media.repository.ts';
import { isProcessable } from './media.service.ts';
import { explainFailure, explainStuck } from './processing-reasons.ts';
import * as repo from './processing.repository.ts';
import type { StorageProblemsService } from './storage-problems.service.ts';

/**
 * Queued this long with no try: no worker takes it. A try in progress is stuck when its lease ran out (its worker
 * died or hung), as the queue judges a running job (jobs/job-lease.ts), however long the work itself takes.
 */
export const stuckAfterMs = 15 * 60_000;
/** Times the sweep queues a stuck take again before marking it failed. */
export const maxRecoveries = 2;
const sweepBatch = 100;

const minutesBetween = (from: string, to: Date) => Math.round((to.getTime() - Date.parse(from)) / 60_000);
const lastAttemptOf = (row: Pick<TakeMediaTable, 'started_at' | 'queued_at'>) =>
  row.started_at ?? row.queued_at;
/** The question's place as the candidate saw it (1-based), as the review pages number it. */
const positionOf = (row: repo.ProcessingProblemRow): number | null => {
  const { questions } = JSON.parse(row.snapshot) as InterviewSnapshot;
  const index = questions.findIndex((q) => q.id === row.question_id);
  return index === -1 ? null : index + 1;
};
const seenOf = (row: TakeMediaTable): repo.SeenTakeMedia => ({
  takeId: row.take_id,
  status: row.status,
  attempts: row.attempts,
  queuedAt: row.queued_at,
});

/** Admins' view of processing: what failed or is stuck and why, retries, and the sweep of stuck takes. */
export function createProcessingService(deps: {
  db: Db;
  clock: Clock;
  queue: JobQueue;
  audit: AuditService;
  storageProblems: Pick<StorageProblemsService, 'listStorageProblems'>;
}) {
  const { db, clock } = deps;
  const stuckRule = (): repo.StuckRule => ({
    stuckBefore: new Date(clock.now().getTime() - stuckAfterMs).toISOString(),
    now: isoNow(clock),
  });
  const isStuck = (row: TakeMediaTable) => repo.isTakeStuck(row, stuckRule());

  function describe(row: Pick<TakeMediaTable, 'status' | 'error' | 'started_at' | 'queued_at'>) {
    if (row.status === 'failed') return explainFailure(row.error);
    if (row.status === 'ready') return { reason: null, detail: null };
    const minutes = minutesBetween(lastAttemptOf(row), clock.now());
    return explainStuck({ status: row.status, minutes, error: row.error });
  }

  function toState(takeId: string, row: TakeMediaTable | undefined): TakeProcessingState {
    if (!row) {
      const reason = 'Processing was never queued for this recording. Retry to queue it.';
      return {
        takeId,
        status: 'not_queued',
        isStuck: false,
        attempts: 0,
        reason,
        detail: null,
        canRetry: true,
        lastAttemptAt: null,
      };
    }
    const stuck = isStuck(row);
    const explained = row.status === 'failed' || stuck ? describe(row) : { reason: null, detail: null };
    return {
      takeId,
      status: row.status,
      isStuck: stuck,
      attempts: row.attempts,
      ...explained,
      canRetry: row.status === 'failed' || stuck,
      lastAttemptAt: lastAttemptOf(row),
    };
  }

  async function getTakeOrThrow(options: { organisationId: string; takeId: string }) {
    const take = await mediaRepo.findTakeOfOrganisation(db, options);
    if (!take || !isProcessable(take)) throw notFound('Take');
    return take;
  }

  return {
    /**
     * The organisation's failed and stuck takes (at most `limit`, newest first), its counts per state, and the
     * storage failures its candidates' uploads ran into.
     */
    async getProcessingOverview(options: {
      organisationId: string;
      limit: number;
    }): Promise<ProcessingOverview> {
      const query = { organisationId: options.organisationId, rule: stuckRule() };
      const rows = await repo.listProcessingProblems(db, { ...query, limit: options.limit + 1 });
      const problems = rows.slice(0, options.limit).map((row) => {
        const explained = describe(row);
        return {
          takeId: row.take_id,
          invitationId: row.invitation_id,
          candidateName: row.candidate_name,
          interviewId: row.interview_id,
          interviewTitle: row.interview_title,
          questionPosition: positionOf(row),
          status: row.status as 'queued' | 'processing' | 'failed',
          isStuck: row.status !== 'failed',
          attempts: row.attempts,
          reason: explained.reason ?? '',
          detail: explained.detail,
          lastAttemptAt: lastAttemptOf(row),
        };
      });
      return {
        counts: await repo.countProcessingStates(db, query),
        problems,
        hasMore: rows.length > options.limit,
        stuckAfterMinutes: stuckAfterMs / 60_000,
        storageProblems: await deps.storageProblems.listStorageProblems(options.organisationId),
      };
    },

    /** Where one take's processing stands and why, for the candidate page; practice and unsaved takes are not found. */
    async getTakeProcessingState(options: {
      organisationId: string;
      takeId: string;
    }): Promise<TakeProcessingState> {
      const take = await getTakeOrThrow(options);
      return toState(take.id, await mediaRepo.findTakeMedia(db, take.id));
    },

    /**
     * For admins: queues a failed or stuck take (or one never queued) again with fresh tries, and audits it. Any
     * other take answers processing_not_retryable. The job first, then the row, only if nothing changed it since
     * it was read, so two clicks at once make one job and the row never says queued without one.
     */
    async retryProcessing(options: {
      actor: { organisationId: string; userId: string };
      takeId: string;
      client: ClientInfo;
    }): Promise<TakeProcessingState> {
      const { organisationId } = options.actor;
      const take = await getTakeOrThrow({ organisationId, takeId: options.takeId });
      const row = await mediaRepo.findTakeMedia(db, take.id);
      const now = isoNow(clock);
      if (!row) {
        await deps.queue.enqueue(
          jobNames.takeProcess,
          { takeId: take.id },
          { dedupeKey: `take/${take.id}/process` },
        );
        await mediaRepo.insertQueuedTakeMedia(db, { takeId: take.id, organisationId, now });
      } else if (row.status === 'failed' || isStuck(row)) {
        const dedupeKey = `take/${take.id}/process/retry-${row.attempts}-${Date.parse(row.queued_at)}`;
        await deps.queue.enqueue(jobNames.takeProcess, { takeId: take.id }, { dedupeKey });
        await repo.requeueTakeMedia(db, { seen: seenOf(row), recoveries: 0, now });
      } else {
        const state = row.status === 'ready' ? 'is processed already' : `is ${row.status} and not stuck`;
        throw new AppError('processing_not_retryable', {
          message: `Only a recording whose processing failed or is stuck can be retried; this one ${state}.`,
        });
      }
      await deps.audit.recordEvent({
        organisationId,
        actorUserId: options.actor.userId,
        action: 'media.processing_retried',
        targetType: 'take',
        targetId: take.id,
        ip: options.client.ip,
        userAgent: options.client.userAgent,
        details: { invitationId: take.invitation_id, previousStatus: row?.status ?? 'not_queued' },
      });
      return toState(take.id, await mediaRepo.findTakeMedia(db, take.id));
    },

    /**
     * The hourly sweep: a take stuck in processing (its worker died, its job was lost) is queued again up to
     * `maxRecoveries` times, then marked failed with the reason, where admins see it.
     */
    async sweepStuckProcessing(): Promise<{ requeued: number; failed: number }> {
      const stuck = await repo.findStuckTakeMedia(db, { rule: stuckRule(), limit: sweepBatch });
      const outcome = { requeued: 0, failed: 0 };
      for (const row of stuck) {
        const now = isoNow(clock);
        if (row.recoveries >= maxRecoveries) {
          const error =
            `Processing stopped without finishing ${row.recoveries + 1} times (the server may have restarted ` +
            'during it, or no worker is running).';
          if (await repo.failStuckTakeMedia(db, { seen: seenOf(row), error, now })) outcome.failed += 1;
          continue;
        }
        const recoveries = row.recoveries + 1;
        const dedupeKey = `take/${row.take_id}/process/recover-${recoveries}-${Date.parse(row.queued_at)}`;
        await deps.queue.enqueue(jobNames.takeProcess, { takeId: row.take_id }, { dedupeKey });
        if (await repo.requeueTakeMedia(db, { seen: seenOf(row), recoveries, now })) outcome.requeued += 1;
      }
      return outcome;
    },
  };
}

export type ProcessingService = ReturnType<typeof createProcessingService>;
