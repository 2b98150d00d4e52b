import {
  accommodationsSchema,
  type Accommodations,
  type Interview,
  type InvitationStatus,
  type InvitationTimelineEvent,
} from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { plural } from '../interviews/format/durations.ts';
import { formatZonedDateTime } from '../interviews/format/timeZones.ts';

export const statusLabels: Record<InvitationStatus, string> = {
  invited: 'Invited',
  opened: 'Opened',
  started: 'Started',
  completed: 'Completed',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

const formatWords = { audio: 'audio-only answers', text: 'written answers' } as const;

/** "2× time, 1 extra take, written answers", or "None". */
export function describeAccommodations(a: Accommodations): string {
  const parts: string[] = [];
  if (a.timeMultiplier === null) parts.push('untimed');
  else if (a.timeMultiplier !== 1) parts.push(`${a.timeMultiplier}× time`);
  if (a.extraTakes > 0) parts.push(plural(a.extraTakes, 'extra take', 'extra takes'));
  if (a.answerFormat) parts.push(formatWords[a.answerFormat]);
  if (parts.length === 0) return 'None';
  const text = parts.join(', ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Help text for the deadline field: what happens when it is left empty. */
export function describeDefaultDeadline(policy: Interview['deadlinePolicy']): string {
  if (policy.mode === 'relative') {
    return `Leave empty for the interview's deadline: ${plural(policy.days, 'day', 'days')} after the invitation.`;
  }
  return `Leave empty for the interview's deadline: ${formatZonedDateTime(policy.at, policy.timeZone)}.`;
}

const emailNames: Record<string, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  deadline_extended: 'New deadline',
  completion_candidate: 'Confirmation',
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What one timeline entry means, in a short sentence. */
export function describeEvent(event: InvitationTimelineEvent): string {
  const d = event.details ?? {};
  const mail = emailNames[text(d.email) ?? ''] ?? 'E-mail';
  switch (event.type) {
    case 'sent':
      return d.resent ? 'Invitation sent again with a new link' : 'Invitation sent';
    case 'delivered':
      return `${mail} e-mail accepted by the mail server`;
    case 'delivery_failed':
      return `${mail} e-mail could not be delivered`;
    case 'opened':
      return 'Candidate opened the link';
    case 'started':
      return 'Candidate started the interview';
    case 'answer_saved':
      return typeof d.position === 'number' ? `Answer to question ${d.position} saved` : 'Answer saved';
    case 'technical_failure':
      return 'Technical problem during a take; a fresh take was given';
    case 'take_taken_over':
      return 'Candidate continued on another device; the recording in progress on the first one was stopped and did not count';
    case 'completed':
      return 'Candidate completed the interview';
    case 'reminded':
      return d.manual ? 'Reminder sent by a team member' : 'Automatic reminder sent';
    case 'extended': {
      const to = text(d.deadline);
      return to ? `Deadline extended to ${formatDateTime(to)}` : 'Deadline extended';
    }
    case 'extension_requested':
      return typeof d.days === 'number'
        ? `Candidate asked for ${plural(d.days, 'more day', 'more days')}`
        : 'Candidate asked for more time';
    case 'extension_declined':
      return 'Request for more time declined';
    case 'accommodation_requested':
      return 'Candidate asked for an accommodation';
    case 'accommodation_declined':
      return 'Request for an accommodation declined';
    case 'accommodations_changed': {
      const set = accommodationsSchema.safeParse(d);
      return set.success
        ? `Accommodations set: ${describeAccommodations(set.data)}`
        : 'Accommodations changed';
    }
    case 'withdrawn':
      return 'Invitation withdrawn';
    case 'expired':
      return 'Deadline passed; the invitation expired';
    case 'consent_withdrawn':
      return 'Candidate withdrew their consent; what they had recorded or written was erased';
    case 'erasure_requested':
      return 'Candidate asked for their data to be erased (confirmation link sent)';
    case 'erasure_confirmed': {
      const due = text(d.dueAt);
      return due
        ? `Candidate confirmed the erasure of their data; it is erased by ${formatDateTime(due)}`
        : 'Candidate confirmed the erasure of their data';
    }
    case 'legal_hold_placed':
      return 'Legal hold placed: nothing is erased until it is lifted';
    case 'legal_hold_lifted':
      return 'Legal hold lifted';
  }
}
