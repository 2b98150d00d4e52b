import { z } from 'zod';
import { personNameSchema } from './accounts.ts';
import { invitationStatusSchema } from './invitations.ts';
import { putOverallRatingSchema, putQuestionRatingSchema, putRatingsSchema } from './review-inputs.ts';

/**
 * Share links: a read-only view of one candidate or a shortlist of one interview for someone outside the team.
 * The link (`/s/<token>`) is shown once; only its hash is stored. The guest's page posts the token to
 * `POST /api/v1/shared/session`, which sets an httpOnly guest cookie used by every `/api/v1/shared/` route.
 */

export const createShareLinkSchema = z.strictObject({
  /** One candidate or a shortlist, all of the same interview and completed. */
  invitationIds: z
    .array(z.string().min(1).max(100))
    .min(1, { message: 'Choose at least one candidate' })
    .max(100, { message: 'Share at most 100 candidates in one link' }),
  expiresInDays: z
    .number({ message: 'Give the number of days' })
    .int({ message: 'Use whole days' })
    .min(1, { message: 'A link lasts at least 1 day' })
    .max(90, { message: 'A link lasts at most 90 days' })
    .default(7),
  /** Hide names and e-mail addresses from the guest ("Candidate 7"). */
  anonymised: z.boolean().default(false),
  /** Let the guest rate the candidates (under the name they give). */
  allowRatings: z.boolean().default(false),
});
export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;
export type CreateShareLinkData = z.output<typeof createShareLinkSchema>;

export const shareLinkStatusSchema = z.enum(['active', 'expired', 'revoked']);

export const shareLinkSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  invitationIds: z.array(z.string()),
  status: shareLinkStatusSchema,
  expiresAt: z.string(),
  anonymised: z.boolean(),
  allowRatings: z.boolean(),
  createdAt: z.string(),
  createdBy: z.object({ userId: z.string().nullable(), name: z.string() }),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Guest sessions opened with the link. */
  useCount: z.number().int(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** The created link; `url` holds the secret and is never shown again. */
export const createdShareLinkSchema = shareLinkSchema.extend({ url: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

export const shareLinkListSchema = z.object({ shareLinks: z.array(shareLinkSchema) });

export const startGuestSessionSchema = z.strictObject({
  token: z.string({ message: 'Paste the whole link' }).min(20).max(200),
});

/** What a guest sees first: the interview, the candidates shared and what the link allows. */
export const guestViewSchema = z.object({
  interview: z.object({ title: z.string(), roleTitle: z.string() }),
  expiresAt: z.string(),
  anonymised: z.boolean(),
  allowRatings: z.boolean(),
  /** The name the guest rates under, once they gave one. */
  guestName: z.string().nullable(),
  candidates: z.array(
    z.object({
      invitationId: z.string(),
      candidateNumber: z.number().int(),
      name: z.string(),
      status: invitationStatusSchema,
      completedAt: z.string().nullable(),
      myScore: z.number().nullable(),
    }),
  ),
});
export type GuestView = z.infer<typeof guestViewSchema>;

/** A guest's ratings: as a member's, with the name they rate under. */
export const putGuestRatingsSchema = putRatingsSchema.extend({ guestName: personNameSchema });
export type PutGuestRatingsInput = z.infer<typeof putGuestRatingsSchema>;
export const putGuestQuestionRatingSchema = putQuestionRatingSchema.extend({ guestName: personNameSchema });
export type PutGuestQuestionRatingInput = z.infer<typeof putGuestQuestionRatingSchema>;
export const putGuestOverallRatingSchema = putOverallRatingSchema.extend({ guestName: personNameSchema });
export type PutGuestOverallRatingInput = z.infer<typeof putGuestOverallRatingSchema>;
