import type { TakeRecorderState } from './types.ts';

/**
 * Upload progress in percent from the bytes handed to the network (it moves while a long request is under way),
 * never below what the server confirmed, never past what was recorded, and held below 100 until the server's
 * checksum has been compared: only "Saved" says everything arrived.
 */
export function uploadPercentOf(
  state: Pick<TakeRecorderState, 'bytesSent' | 'bytesUploaded' | 'bytesRecorded'>,
): number {
  if (state.bytesRecorded <= 0) return 0;
  const sent = Math.min(Math.max(state.bytesSent, state.bytesUploaded), state.bytesRecorded);
  return Math.min(99, Math.floor((sent / state.bytesRecorded) * 100));
}
