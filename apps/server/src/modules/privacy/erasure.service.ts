import type { ErasureReason } from '@oneway/shared';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Db } from '../../db/database.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import * as repo from './erasure.repository.ts';
import type { ErasableInvitation } from './erasure.repository.ts';
import type { UploadLeftovers } from './upload-leftovers.ts';

/** Every file made for a candidate lives under this folder of media storage (takes/takes.service storageKeyOf). */
export const candidateMediaPrefix = (invitation: { organisation_id: string; id: string }): string =>
  `${invitation.organisation_id}/${invitation.id}/`;

export interface EraseOptions {
  invitation: ErasableInvitation;
  reason: ErasureReason;
  actorUserId: string | null;
  client?: ClientInfo;
  /** For a candidate's request: when they asked and the hash of their confirmation link. */
  request?: { requestedAt: string; tokenHash: string };
}

/** Files and bytes removed from storage under a prefix. */
async function deleteMediaUnder(storage: MediaStorage, prefix: string) {
  let files = 0;
  let bytes = 0;
  const keys: string[] = [];
  for await (const object of storage.listObjects(prefix)) {
    keys.push(object.key);
    files += 1;
    bytes += object.bytes;
  }
  for (const key of keys) await storage.delete(key);
  return { files, bytes };
}

/**
 * Erasure of a candidate, complete and idempotent, in two steps that can each run again:
 * 1. rows: a record is written first (counts, no personal data), unfinished takes are closed and their uploads'
 *    leftovers removed, then every row about the candidate goes in one transaction;
 * 2. files: everything under the candidate's media folder goes, and the record is marked done and audited.
 * A worker that dies between or during them leaves the record `erasing`, and the daily job finishes it.
 */
export function createErasureService(deps: {
  db: Db;
  clock: Clock;
  mediaStorage: MediaStorage;
  uploads: UploadLeftovers;
  audit: AuditService;
}) {
  const { db, clock, mediaStorage } = deps;

  async function discardUnsavedUploads(invitationId: string): Promise<void> {
    await repo.closeUnfinishedTakes(db, invitationId);
    for (const uploadId of await repo.listUnsavedUploadIds(db, invitationId)) {
      await deps.uploads.discardUpload(uploadId);
    }
  }

  /** Step 1; returns the record's id. An invitation already erased (or being erased) keeps its first record. */
  async function eraseRows(options: EraseOptions): Promise<string> {
    const { invitation } = options;
    const existing = await repo.findErasureRecord(db, invitation.id);
    let recordId = existing?.id;
    if (!existing) {
      const counts = await repo.countCandidateData(db, invitation.id);
      recordId = newId();
      await repo.insertErasureRecord(db, {
        id: recordId,
        organisation_id: invitation.organisation_id,
        interview_id: invitation.interview_id,
        invitation_id: invitation.id,
        reason: options.reason,
        actor_user_id: options.actorUserId,
        status: 'erasing',
        invitation_status: invitation.status,
        invited_at: invitation.created_at,
        requested_at: options.request?.requestedAt ?? null,
        request_token_hash: options.request?.tokenHash ?? null,
        takes: counts.takes,
        files: 0,
        bytes: 0,
        text_answers: counts.textAnswers,
        ratings: counts.ratings,
        comments: counts.comments,
        emails: 0,
        started_at: isoNow(clock),
        erased_at: null,
      });
      // A racing erasure may have written its record first: carry on under that one.
      recordId = (await repo.findErasureRecord(db, invitation.id))?.id ?? recordId;
    }
    await discardUnsavedUploads(invitation.id);
    const emails = await repo.deleteCandidateRows(db, { invitation, now: isoNow(clock) });
    if (emails > 0) {
      await db
        .updateTable('candidate_erasures')
        .set((eb) => ({ emails: eb('emails', '+', emails) }))
        .where('id', '=', recordId ?? '')
        .execute();
    }
    return recordId ?? '';
  }

  /** Step 2 for a record: files gone, record done, one audit entry (who, what, when; nothing erased in it). */
  async function eraseFiles(recordId: string, client?: ClientInfo): Promise<void> {
    const record = await repo.findErasureRecordById(db, recordId);
    if (!record) return;
    const prefix = candidateMediaPrefix({
      organisation_id: record.organisation_id,
      id: record.invitation_id,
    });
    const removed = await deleteMediaUnder(mediaStorage, prefix);
    if (record.status === 'done') return;
    const erasedAt = isoNow(clock);
    await repo.markErasureDone(db, { id: record.id, files: removed.files, bytes: removed.bytes, erasedAt });
    await deps.audit.recordEvent({
      organisationId: record.organisation_id,
      actorUserId: record.actor_user_id,
      action: 'candidate.erased',
      targetType: 'candidate_erasure',
      targetId: record.id,
      ip: client?.ip ?? null,
      userAgent: client?.userAgent ?? null,
      details: {
        reason: record.reason,
        interviewId: record.interview_id,
        invitationStatus: record.invitation_status,
        takes: record.takes,
        files: removed.files,
        bytes: removed.bytes,
        textAnswers: record.text_answers,
        ratings: record.ratings,
        comments: record.comments,
        emails: record.emails,
      },
    });
  }

  return {
    eraseRows,
    eraseFiles,

    /** Both steps now. */
    async eraseCandidate(options: EraseOptions): Promise<string> {
      const recordId = await eraseRows(options);
      await eraseFiles(recordId, options.client);
      return recordId;
    },

    /**
     * What the candidate uploaded, and only that (consent withdrawn before submitting): their takes with every
     * file, uploads in progress and written answers. The invitation, its timeline and the consent record stay.
     */
    async eraseUploads(
      invitation: ErasableInvitation,
    ): Promise<{ takes: number; textAnswers: number; files: number }> {
      const counts = await repo.countCandidateData(db, invitation.id);
      await discardUnsavedUploads(invitation.id);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('answers').where('invitation_id', '=', invitation.id).execute();
        await trx.deleteFrom('takes').where('invitation_id', '=', invitation.id).execute();
      });
      const removed = await deleteMediaUnder(mediaStorage, candidateMediaPrefix(invitation));
      return { takes: counts.takes, textAnswers: counts.textAnswers, files: removed.files };
    },

    /** Finishes erasures a dead worker left half-way (the daily job calls it first). */
    async resumeUnfinishedErasures(): Promise<number> {
      const unfinished = await repo.listUnfinishedErasures(db);
      for (const { id } of unfinished) {
        const record = await repo.findErasureRecordById(db, id);
        if (!record) continue;
        const invitation = await repo.findErasableInvitation(db, { invitationId: record.invitation_id });
        // The rows may still be there (it died in step 1): erase them under the same record.
        if (invitation)
          await eraseRows({ invitation, reason: record.reason, actorUserId: record.actor_user_id });
        await eraseFiles(id);
      }
      return unfinished.length;
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;
