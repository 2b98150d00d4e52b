import { decisionMakerRoles, type Role } from '@oneway/shared';

/** A signed-in member (or an API key acting as its creator with the key's role). */
export interface MemberViewer {
  kind: 'member';
  organisationId: string;
  userId: string;
  role: Role;
}

/** A guest of a share link: sees only the link's candidates, read-only unless the link allows ratings. */
export interface GuestViewer {
  kind: 'guest';
  organisationId: string;
  shareLinkId: string;
  guestSessionId: string;
  guestName: string | null;
  interviewId: string;
  invitationIds: string[];
  anonymised: boolean;
  allowRatings: boolean;
}

export type ReviewViewer = MemberViewer | GuestViewer;

/** The key of the viewer's one rating set per candidate. */
export const raterKeyOf = (viewer: ReviewViewer): string =>
  viewer.kind === 'member' ? `user:${viewer.userId}` : `guest:${viewer.guestSessionId}`;

/** Reviewers of an anonymised interview, and guests of an anonymised link or interview, see no names. */
export function isAnonymisedFor(viewer: ReviewViewer, interview: { anonymised_review: number }): boolean {
  if (viewer.kind === 'guest') return viewer.anonymised || interview.anonymised_review === 1;
  return viewer.role === 'reviewer' && interview.anonymised_review === 1;
}

const decisionMakers: readonly Role[] = decisionMakerRoles;

/** Owners, admins and recruiters decide, share and assign reviewers; reviewers rate and comment. */
export const canDecide = (viewer: ReviewViewer): boolean =>
  viewer.kind === 'member' && decisionMakers.includes(viewer.role);

/** "Candidate 7": what an anonymised viewer sees instead of a name. */
export const candidateLabel = (candidateNumber: number): string => `Candidate ${candidateNumber}`;
