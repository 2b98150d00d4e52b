import type { TakeFailure } from './types.ts';

/** How a take that was being uploaded ended. */
export type FinishedTake = { phase: 'saved' } | { phase: 'failed'; failure: TakeFailure };

/** Takes this tab is recording right now: never offered for recovery. */
export const recordingTakes = new Set<string>();

/**
 * Takes this tab is uploading or checking right now, with how that will end. A page that asks to resume one of
 * them (after it moved on while the upload went on) joins that work instead of starting a second upload.
 */
export const finishingTakes = new Map<string, Promise<FinishedTake>>();

/** Takes saved and checked whose local copy is being deleted: no longer anything to recover. */
export const deletingTakes = new Set<string>();
