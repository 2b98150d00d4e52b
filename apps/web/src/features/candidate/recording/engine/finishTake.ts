import { deleteTake, listTakeMetas, updateTakeMeta } from './chunkStore.ts';
import type { FinishedTake } from './activeTakes.ts';
import { deletingTakes, finishingTakes, recordingTakes } from './activeTakes.ts';
import { recordSavedTake } from './savedTakesLog.ts';
import { markTake } from './takeMarks.ts';
import type { TakeUpload } from './takeUploader.ts';
import { compareCopies, sha256Hex, verifyTake, type TakeVerdict } from './verifyTake.ts';

const refused: FinishedTake = { phase: 'failed', failure: { kind: 'technical', reason: 'upload_refused' } };

/**
 * The end of every take's upload: when tus is done, or the server refused it (its answer to a lost last response
 * can be a refusal although it saved every byte), the server's size and SHA-256 are compared with the local copy.
 * Only when they are equal is the local copy deleted and the take saved; otherwise the copy stays and the take
 * failed as 'upload_refused' (a free retake).
 */
export async function finishTake(options: {
  takeId: string;
  questionId: string;
  startedAt: string;
  blob: Blob;
  /** The blob's SHA-256 when already known (hashed chunk by chunk while recording); else it is computed here. */
  sha256?: string;
  upload: TakeUpload;
}): Promise<FinishedTake> {
  const { takeId, blob } = options;
  markTake('hash-start', { bytes: blob.size, known: options.sha256 !== undefined });
  const sha256 = options.sha256 !== undefined ? Promise.resolve(options.sha256) : sha256Hex(blob);
  sha256.then(
    () => markTake('hashed'),
    () => undefined,
  );
  const outcome = await options.upload.done;
  markTake('upload-done', { outcome: outcome.kind, stored: outcome.kind === 'complete' && !!outcome.stored });
  if (outcome.kind === 'refused') console.warn('The server refused the upload of take', takeId, outcome);
  let verdict: TakeVerdict;
  if (outcome.kind === 'complete' && outcome.stored) {
    // The server's answer to the last PATCH named what it stored: no need to ask again.
    verdict = compareCopies(outcome.stored, { bytes: blob.size, sha256: await sha256 });
  } else {
    try {
      verdict = await verifyTake({
        takeId,
        bytes: blob.size,
        sha256,
        waitForUpload: outcome.kind === 'complete',
      });
    } catch (error) {
      // The server could not say (the session ended?): the local copy stays, and stays offered for recovery.
      console.warn('Take', takeId, 'could not be checked against the server', error);
      return refused;
    }
  }
  if (verdict.kind === 'different') {
    console.warn('The server does not hold take', takeId, 'as recorded here', verdict);
    await updateTakeMeta(takeId, { refusedAt: new Date().toISOString() }).catch(() => undefined);
    return refused;
  }
  markTake('verified');
  recordSavedTake({ takeId, sha256: await sha256, bytes: blob.size });
  // "Saved" needs only the server's answer; deleting every chunk (durably) would delay it for long takes.
  deletingTakes.add(takeId);
  void deleteTake(takeId)
    .catch((error: unknown) => console.warn('Could not delete the local copy', error))
    .then(() => deleteSupersededTakes(options))
    .finally(() => deletingTakes.delete(takeId));
  return { phase: 'saved' };
}

/**
 * Opening a take ends every earlier unfinished take of the question on the server, so once a newer one is saved,
 * older local copies of that question can never be uploaded: they go.
 */
async function deleteSupersededTakes(saved: { takeId: string; questionId: string; startedAt: string }) {
  try {
    const metas = await listTakeMetas();
    const older = metas.filter(
      (meta) =>
        meta.questionId === saved.questionId &&
        meta.takeId !== saved.takeId &&
        meta.startedAt < saved.startedAt &&
        !recordingTakes.has(meta.takeId) &&
        !finishingTakes.has(meta.takeId),
    );
    for (const meta of older) await deleteTake(meta.takeId);
  } catch (error) {
    console.warn('Could not clear older local takes', error);
  }
}
