/** Kinds of entries on an invitation's timeline, oldest first. */
export const invitationEventTypes = [
  'sent',
  'delivered',
  'delivery_failed',
  'opened',
  'started',
  'answer_saved',
  'technical_failure',
  'completed',
  'reminded',
  'extended',
  'extension_requested',
  'extension_declined',
  'accommodation_requested',
  'accommodation_declined',
  'accommodations_changed',
  'withdrawn',
  'expired',
  'link_copied',
] as const;
export type InvitationEventType = (typeof invitationEventTypes)[number];
