import { z } from 'zod';

/**
 * The signed-in home page: the day's work across interviews. Answers waiting for my review are completed
 * candidates of interviews I may review whom I have not rated yet (an overall score, or a score for every answer);
 * names are hidden where the interview is reviewed anonymously for me. Requests and expiring invitations are for
 * owners, admins and recruiters; processing problems for owners and admins (null for everyone else).
 */
export const homeSchema = z.object({
  toReview: z.object({
    /** Candidates waiting for my review, over every interview. */
    total: z.number().int(),
    /** Interviews with at least one candidate waiting, most waiting first. */
    interviews: z.array(z.object({ interviewId: z.string(), title: z.string(), toReview: z.number().int() })),
    /** The longest-waiting candidates first, at most 20. */
    candidates: z.array(
      z.object({
        invitationId: z.string(),
        interviewId: z.string(),
        interviewTitle: z.string(),
        /** "Candidate 7" where names are hidden from me. */
        name: z.string(),
        completedAt: z.string(),
      }),
    ),
  }),
  requests: z.object({ pending: z.number().int() }).nullable(),
  /** Open invitations whose deadline falls within the next 48 hours, soonest first (at most 20). */
  expiringSoon: z
    .object({
      total: z.number().int(),
      invitations: z.array(
        z.object({
          invitationId: z.string(),
          interviewId: z.string(),
          interviewTitle: z.string(),
          name: z.string(),
          status: z.enum(['invited', 'opened', 'started']),
          deadline: z.string(),
        }),
      ),
    })
    .nullable(),
  processing: z.object({ failed: z.number().int(), stuck: z.number().int() }).nullable(),
});
export type Home = z.infer<typeof homeSchema>;

/** Within this many hours of its deadline, an open invitation is "about to expire". */
export const expiringSoonHours = 48;
