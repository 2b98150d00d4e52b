import type { InvitationsService } from '../invitations/invitations.service.ts';

/** What the candidate entry uses of the invitations module: finding, opening, extending and accommodating. */
export type InvitationLifecycle = Pick<
  InvitationsService,
  | 'findInvitationByToken'
  | 'isInvitationExpired'
  | 'isInvitationPastGrace'
  | 'markInvitationOpened'
  | 'extendInvitationDeadline'
  | 'setInvitationAccommodations'
>;
