import { ApiError } from '../../../api/client.ts';
import { getErrorMessage } from '../../../api/errorMessages.ts';

/** The message for a failed prompt video change: the server's own words where they say what to fix. */
export function promptVideoErrorMessage(error: unknown, noun: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'payload_too_large') return `The ${noun} must be 500 MB or smaller.`;
    // The server says what it found in the file (its type, its length); more use than a generic line.
    if (error.code === 'prompt_video_rejected' || error.code === 'validation_failed') return error.message;
  }
  return getErrorMessage(error);
}
