import type { Accommodations, InvitationRequest, RequestedAccommodations } from '@oneway/shared';

const formatLabels = { audio: 'audio-only answers', text: 'written answers' } as const;

/** "2x time, 1 extra take, written answers" for what was asked or granted. */
export function describeAccommodations(a: RequestedAccommodations | Accommodations): string {
  const parts: string[] = [];
  if (a.timeMultiplier === null) parts.push('untimed');
  else if (a.timeMultiplier !== undefined && a.timeMultiplier !== 1) parts.push(`${a.timeMultiplier}x time`);
  if (a.extraTakes) parts.push(`${a.extraTakes} extra take${a.extraTakes === 1 ? '' : 's'}`);
  if (a.answerFormat) parts.push(formatLabels[a.answerFormat]);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** What the candidate asked for, in a few words. */
export function describeRequest(request: InvitationRequest): string {
  if (request.kind === 'extension') {
    const days = request.days ?? 0;
    return `${days} more day${days === 1 ? '' : 's'}`;
  }
  return request.accommodations ? describeAccommodations(request.accommodations) : 'an accommodation';
}

/** A moment as the value of a datetime-local input, on this browser's clock. */
export function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const dayMs = 86_400_000;

/** The deadline an approval gives by default: the later of the deadline and now, plus the days asked for. */
export function defaultExtendedDeadline(request: InvitationRequest, now = Date.now()): string {
  const base = Math.max(Date.parse(request.currentDeadline), now);
  return new Date(base + (request.days ?? 1) * dayMs).toISOString();
}
