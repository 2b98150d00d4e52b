import type { StorageProblem } from '@oneway/shared';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { storageProblemWords, type StorageFailure } from '../../lib/storage-errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { MailService } from '../mail/mail.service.ts';
import { composeStorageAlert } from './storage-alert-mail.ts';
import * as repo from './storage-problems.repository.ts';

/** One error log line per upload (or organisation) at most this often: a failing recording retries every second. */
const logEveryMs = 60_000;
/** Failures of one organisation are written to the database in batches at most this often. */
const writeEveryMs = 10_000;
/** At most one e-mail per organisation this often. */
const alertEveryMs = 3_600_000;
/** How far back the Processing page lists problems that are over. */
const listForMs = 7 * 86_400_000;

interface PendingFailures {
  count: number;
  failure: StorageFailure;
  lastWriteMs: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Storage failures candidates' uploads ran into: logged (once a minute per upload), kept per organisation for the
 * Processing page, and e-mailed to the organisation's owners and admins (once an hour at most). Reporting never
 * throws: the database may sit on the very disk that is full, and the candidate's answer must not wait for it.
 */
export function createStorageProblemsService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  mail: Pick<MailService, 'queueEmail'>;
}) {
  const { db, clock, logger } = deps;
  const loggedAt = new Map<string, number>();
  const pending = new Map<string, PendingFailures>();
  /** Each organisation's database writes, one after the other. */
  const writes = new Map<string, Promise<void>>();
  /** Uploads seen failing, and whose organisation they belong to, so their next success ends the problem. */
  const failingUploads = new Map<string, string>();

  const remember = <K, V>(map: Map<K, V>, key: K, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > 10_000) map.delete(map.keys().next().value as K);
  };

  function inOrder(organisationId: string, work: () => Promise<void>): Promise<void> {
    const next = (writes.get(organisationId) ?? Promise.resolve()).then(work).catch((err: unknown) => {
      logger.warn({ err, organisationId }, 'could not record a storage problem');
    });
    writes.set(organisationId, next);
    return next;
  }

  async function alertAdmins(
    organisationId: string,
    problemId: string,
    failure: StorageFailure,
    since: string,
  ) {
    const last = await repo.findLastStorageAlert(db, organisationId);
    if (last !== null && clock.now().getTime() - Date.parse(last) < alertEveryMs) return;
    const name = (await repo.findOrganisationName(db, organisationId)) ?? 'your organisation';
    const content = composeStorageAlert({
      organisationName: name,
      kind: failure.kind,
      detail: failure.detail,
      since,
      publicUrl: deps.config.publicUrl,
    });
    for (const admin of await repo.listAdminEmails(db, organisationId)) {
      await deps.mail.queueEmail({ organisationId, to: admin.email, ...content });
    }
    // Marked once the e-mails are queued: a failure before that leaves the alert due at the next failure.
    await repo.markStorageProblemAlerted(db, { id: problemId, at: isoNow(clock) });
  }

  /** Writes the organisation's failures gathered so far, and alerts its admins when due. */
  function writeFailures(organisationId: string): Promise<void> {
    return inOrder(organisationId, async () => {
      const state = pending.get(organisationId);
      if (!state || state.count === 0) return;
      const { count, failure } = state;
      state.count = 0;
      state.lastWriteMs = Date.now();
      const at = isoNow(clock);
      const open = await repo.findOpenStorageProblem(db, organisationId);
      let problemId = open?.id;
      if (open) {
        await repo.addStorageFailures(db, {
          id: open.id,
          count,
          at,
          kind: failure.kind,
          lastError: failure.detail,
        });
      } else {
        problemId = newId();
        await repo.insertStorageProblem(db, {
          id: problemId,
          organisation_id: organisationId,
          kind: failure.kind,
          started_at: at,
          last_failed_at: at,
          failed_requests: count,
          last_error: failure.detail,
          resolved_at: null,
          alerted_at: null,
        });
      }
      await alertAdmins(organisationId, problemId ?? '', failure, open?.started_at ?? at);
    });
  }

  /** Storage took bytes of the organisation again (a take was saved): its open problem, if any, is over. */
  function reportStorageWorks(organisationId: string): Promise<void> {
    const state = pending.get(organisationId);
    if (state?.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    if (state && state.count > 0) void writeFailures(organisationId);
    return inOrder(organisationId, () =>
      repo.resolveStorageProblems(db, { organisationId, at: isoNow(clock) }),
    );
  }

  return {
    /**
     * A request of a candidate of `organisationId` (null when unknown) failed because storage did. Resolves once
     * what is due is recorded; never rejects.
     */
    async reportFailure(options: {
      organisationId: string | null;
      uploadId: string | null;
      failure: StorageFailure;
      err: unknown;
    }): Promise<void> {
      const { organisationId, uploadId, failure } = options;
      const logKey = uploadId ?? organisationId ?? 'unknown';
      const now = Date.now();
      if (now - (loggedAt.get(logKey) ?? -Infinity) >= logEveryMs) {
        remember(loggedAt, logKey, now);
        logger.error(
          { err: options.err, uploadId, organisationId, kind: failure.kind },
          `media storage failed: ${storageProblemWords[failure.kind]}`,
        );
      }
      if (!organisationId) return;
      if (uploadId) remember(failingUploads, uploadId, organisationId);
      const state = pending.get(organisationId) ?? { count: 0, failure, lastWriteMs: 0, timer: null };
      pending.set(organisationId, state);
      state.count += 1;
      state.failure = failure;
      if (state.timer) return;
      const wait = state.lastWriteMs + writeEveryMs - now;
      if (wait <= 0) return writeFailures(organisationId);
      state.timer = setTimeout(() => {
        state.timer = null;
        void writeFailures(organisationId);
      }, wait);
      state.timer.unref();
    },

    /** A request of the upload succeeded: if it was failing, its organisation's storage works again. */
    async reportUploadWorks(uploadId: string): Promise<void> {
      const organisationId = failingUploads.get(uploadId);
      if (organisationId === undefined) return;
      failingUploads.delete(uploadId);
      await reportStorageWorks(organisationId);
    },

    reportStorageWorks,

    /** Writes failures still waiting for their batch, and waits for every write (the server is stopping). */
    async close(): Promise<void> {
      for (const [organisationId, state] of pending) {
        if (!state.timer) continue;
        clearTimeout(state.timer);
        state.timer = null;
        void writeFailures(organisationId);
      }
      await Promise.all(writes.values());
    },

    /** The organisation's storage problems going on or seen in the last week, the latest first. */
    async listStorageProblems(organisationId: string): Promise<StorageProblem[]> {
      const since = new Date(clock.now().getTime() - listForMs).toISOString();
      const rows = await repo.listRecentStorageProblems(db, { organisationId, since, limit: 20 });
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        startedAt: row.started_at,
        lastFailedAt: row.last_failed_at,
        failedRequests: Number(row.failed_requests),
        reason: storageProblemWords[row.kind],
        detail: row.last_error,
        resolvedAt: row.resolved_at,
      }));
    },
  };
}

export type StorageProblemsService = ReturnType<typeof createStorageProblemsService>;
