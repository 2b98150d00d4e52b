import { z } from 'zod';
import { accommodationsSchema } from './accommodations.ts';
import { invitationRequestStatusSchema, requestedAccommodationsSchema } from './candidate.ts';

// The employer's side of candidates' requests (the candidate's side is in candidate.ts).

/** Who asked for what, for the employer deciding on it. The reason is shown to the employer only. */
export const invitationRequestSchema = z.object({
  id: z.string(),
  invitationId: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  kind: z.enum(['extension', 'accommodation']),
  status: invitationRequestStatusSchema,
  autoApproved: z.boolean(),
  days: z.number().int().nullable(),
  accommodations: z.nullable(requestedAccommodationsSchema),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  outcome: z
    .object({
      deadline: z.string().optional(),
      accommodations: z.optional(accommodationsSchema),
      message: z.string().optional(),
    })
    .nullable(),
  currentDeadline: z.string(),
  currentAccommodations: accommodationsSchema,
});
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

export const invitationRequestListSchema = z.object({ requests: z.array(invitationRequestSchema) });

export const listInvitationRequestsQuerySchema = z.object({
  status: z
    .enum(['pending', 'approved', 'declined', 'all'], { message: 'Use pending, approved, declined or all' })
    .default('pending'),
  interviewId: z.string().min(1).max(100).optional(),
});
export type ListInvitationRequestsQuery = z.infer<typeof listInvitationRequestsQuerySchema>;

/**
 * Approving: an extension takes `deadline` (default: the later of the current deadline and now, plus the days
 * asked for); an accommodation takes `accommodations` (default: the current ones with what was asked for).
 */
export const approveInvitationRequestSchema = z.strictObject({
  deadline: z.iso
    .datetime({ offset: true, message: 'Use a date and time such as 2030-05-01T17:00:00+02:00' })
    .optional(),
  accommodations: z.optional(accommodationsSchema),
});
export type ApproveInvitationRequestInput = z.infer<typeof approveInvitationRequestSchema>;

/** Declining, with an optional note the candidate receives by e-mail. */
export const declineInvitationRequestSchema = z.strictObject({
  message: z.string().trim().max(1000, { message: 'Keep the message under 1000 characters' }).optional(),
});
export type DeclineInvitationRequestInput = z.infer<typeof declineInvitationRequestSchema>;

/** How many of the organisation's requests wait for a decision (the count next to "Requests"). */
export const pendingRequestCountSchema = z.object({ pending: z.number().int() });
