import { ApiError } from '../../../api/client.ts';
import { getErrorMessage } from '../../../api/errorMessages.ts';

/** The message for a failed prompt video change: the server's own words where they say what to fix. */
export function promptVideoErrorMessage(error: unknown, noun: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'payload_too_large') return `The ${noun} must be 500 MB or smaller.`;
    // Refused type, unreadable or too long: the server says which; more use than a generic line.
    if (error.status === 400 || error.status === 415 || error.status === 422) return error.message;
  }
  return getErrorMessage(error);
}
