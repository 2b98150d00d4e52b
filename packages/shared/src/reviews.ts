import { z } from 'zod';
import type { Role } from './accounts.ts';
import { answerTypeSchema, rubricSchema } from './interview-questions.ts';
import { outcomeEmailsSchema } from './interviews.ts';
import { invitationStatusSchema } from './invitations.ts';

export * from './review-inputs.ts';
export * from './review-sharing.ts';

/**
 * Reviewing candidates: the list of an interview's candidates with team scores, one candidate's answers with
 * ratings, comments and a decision, and a comparison of one question across candidates.
 *
 * Scores: a rater's score for a candidate is their overall rating when they gave one, else the mean of their
 * question ratings. A candidate's average is the mean of the raters' scores; a question's average is the mean of
 * that question's ratings. Averages are rounded to two decimals. When the interview hides ratings until rated,
 * a viewer who has not rated a candidate sees neither that candidate's average nor anyone else's ratings,
 * comments, decision or decision note. A viewer has rated a candidate once they gave an overall score or scored
 * every question the candidate answered.
 */

/** owner, admin and recruiter decide (advance / hold / reject); reviewers rate and comment. */
export const decisionMakerRoles = ['owner', 'admin', 'recruiter'] as const satisfies readonly Role[];

export const decisionValues = ['advance', 'hold', 'reject'] as const;
export const decisionSchema = z.enum(decisionValues, { message: 'Use advance, hold or reject' });
export type Decision = z.infer<typeof decisionSchema>;

/** Who rated, commented or decided: a team member, or a guest of a share link (by the name they gave). */
export const raterSchema = z.object({
  kind: z.enum(['member', 'guest']),
  userId: z.string().nullable(),
  name: z.string(),
});
export type Rater = z.infer<typeof raterSchema>;

/** The interview as the review pages need it, with what the viewer may do. */
export const reviewInterviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  roleTitle: z.string(),
  /** Names and e-mail addresses are hidden from this viewer ("Candidate 7" instead). */
  anonymised: z.boolean(),
  ratingsHiddenUntilRated: z.boolean(),
  canDecide: z.boolean(),
  /** May create share links and manage reviewers. */
  canManage: z.boolean(),
  /** Which decisions e-mail the candidate unless the decider says otherwise; null for those who do not decide. */
  outcomeEmails: outcomeEmailsSchema.nullable(),
});
export type ReviewInterview = z.infer<typeof reviewInterviewSchema>;

export const reviewCandidateSchema = z.object({
  invitationId: z.string(),
  /** 1 for the interview's first invitation, 2 for the next…; stable while invitations are kept. */
  candidateNumber: z.number().int(),
  /** The candidate's name, or "Candidate 7" when anonymised for the viewer. */
  name: z.string(),
  /** null when anonymised for the viewer. */
  email: z.string().nullable(),
  status: invitationStatusSchema,
  completedAt: z.string().nullable(),
  answeredCount: z.number().int(),
  questionCount: z.number().int(),
  /** null when nobody has rated, or when hidden until the viewer rates. */
  averageScore: z.number().nullable(),
  ratingCount: z.number().int(),
  /** True when the team's ratings are hidden from the viewer until they rate this candidate. */
  ratingsHidden: z.boolean(),
  myScore: z.number().nullable(),
  decision: decisionSchema.nullable(),
  /** Only that accommodations applied, never which or why. */
  accommodationsApplied: z.boolean(),
});
export type ReviewCandidate = z.infer<typeof reviewCandidateSchema>;

export const reviewListSchema = z.object({
  interview: reviewInterviewSchema,
  candidates: z.array(reviewCandidateSchema),
  /** Candidates matching the filters, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReviewList = z.infer<typeof reviewListSchema>;

/** Where the processed recording of a take stands; `missing` when processing has not been queued. */
export const answerMediaStatusSchema = z.enum(['queued', 'processing', 'ready', 'failed', 'missing']);
export type AnswerMediaStatus = z.infer<typeof answerMediaStatusSchema>;

export const reviewAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('take'),
    takeId: z.string(),
    media: z.object({
      status: answerMediaStatusSchema,
      durationSeconds: z.number().nullable(),
      mime: z.string().nullable(),
      hasPoster: z.boolean(),
    }),
  }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;

export const givenRatingSchema = z.object({ score: z.number().int(), note: z.string().nullable() });
export const otherRatingSchema = givenRatingSchema.extend({ rater: raterSchema });

export const reviewCommentSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  /** Seconds into the answer the comment is about; null for the answer as a whole. */
  atSeconds: z.number().nullable(),
  body: z.string(),
  author: raterSchema,
  createdAt: z.string(),
  /** The author, an owner or an admin may delete it. */
  canDelete: z.boolean(),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

export const reviewQuestionSchema = z.object({
  questionId: z.string(),
  /** 1-based, as the candidate saw it. */
  position: z.number().int(),
  promptText: z.string(),
  answerType: answerTypeSchema,
  rubric: rubricSchema.nullable(),
  /** null when the candidate gave no answer (or has not completed the interview). */
  answer: reviewAnswerSchema.nullable(),
  myRating: givenRatingSchema.nullable(),
  /** Empty while hidden until the viewer rates. */
  otherRatings: z.array(otherRatingSchema),
  averageScore: z.number().nullable(),
  comments: z.array(reviewCommentSchema),
});
export type ReviewQuestion = z.infer<typeof reviewQuestionSchema>;

export const reviewDecisionSchema = z.object({
  decision: decisionSchema,
  note: z.string().nullable(),
  decidedBy: raterSchema,
  decidedAt: z.string(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** The viewer's own note while deciding; nobody else sees it. */
export const decisionDraftSchema = z.object({ note: z.string(), updatedAt: z.string() });
export type DecisionDraft = z.infer<typeof decisionDraftSchema>;

/** A saved decision, and whether saving it queued the candidate's outcome e-mail. */
export const decisionSavedSchema = reviewDecisionSchema.extend({
  candidateEmail: z.enum(['queued', 'none']),
});
export type DecisionSaved = z.infer<typeof decisionSavedSchema>;

export const candidateReviewSchema = z.object({
  invitationId: z.string(),
  interview: reviewInterviewSchema,
  candidate: z.object({
    candidateNumber: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    anonymised: z.boolean(),
  }),
  status: invitationStatusSchema,
  completedAt: z.string().nullable(),
  accommodationsApplied: z.boolean(),
  /** The team's ratings are hidden from the viewer until they rate this candidate. */
  ratingsHidden: z.boolean(),
  questions: z.array(reviewQuestionSchema),
  myOverall: z.number().int().nullable(),
  myRatedAt: z.string().nullable(),
  otherOverall: z.array(z.object({ rater: raterSchema, overall: z.number().int() })),
  averageScore: z.number().nullable(),
  /** Hidden (null) while the team's view is hidden from the viewer, like the ratings. */
  decision: reviewDecisionSchema.nullable(),
  /** The viewer's unsent decision note (deciders only). */
  myDecisionDraft: decisionDraftSchema.nullable(),
  permissions: z.object({ canRate: z.boolean(), canComment: z.boolean(), canDecide: z.boolean() }),
  /** Neighbours among completed candidates in the list's order (the same sort and filters). */
  navigation: z.object({
    previousId: z.string().nullable(),
    nextId: z.string().nullable(),
    /** 1-based place of this candidate among them; null when this candidate is not among them. */
    position: z.number().int().nullable(),
    count: z.number().int(),
  }),
});
export type CandidateReview = z.infer<typeof candidateReviewSchema>;

export const myRatingsSchema = z.object({
  questionRatings: z.array(
    z.object({ questionId: z.string(), score: z.number().int(), note: z.string().nullable() }),
  ),
  overall: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type MyRatings = z.infer<typeof myRatingsSchema>;

export const compareResultSchema = z.object({
  question: z.object({
    questionId: z.string(),
    promptText: z.string(),
    answerType: answerTypeSchema,
    rubric: rubricSchema.nullable(),
  }),
  interview: reviewInterviewSchema,
  candidates: z.array(
    z.object({
      invitationId: z.string(),
      candidateNumber: z.number().int(),
      name: z.string(),
      email: z.string().nullable(),
      status: invitationStatusSchema,
      /** False when this candidate's version of the interview did not have the question. */
      asked: z.boolean(),
      answer: reviewAnswerSchema.nullable(),
      myScore: z.number().int().nullable(),
      /** The question's average over the team; null when nobody rated it or while hidden. */
      averageScore: z.number().nullable(),
      ratingsHidden: z.boolean(),
      decision: decisionSchema.nullable(),
    }),
  ),
});
export type CompareResult = z.infer<typeof compareResultSchema>;

/** A short-lived signed address of a processed recording (and its poster), for a <video> or <audio> element. */
export const playbackSchema = z.object({
  /** `/api/v1/media/<signed token>`: same origin, no cookie needed, never logged. */
  url: z.string(),
  expiresAt: z.string(),
  mime: z.string(),
  posterUrl: z.string().nullable(),
  durationSeconds: z.number().nullable(),
});
export type Playback = z.infer<typeof playbackSchema>;

export const interviewReviewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'admin', 'recruiter', 'reviewer']),
  assignedAt: z.string(),
});
export const interviewReviewersSchema = z.object({ reviewers: z.array(interviewReviewerSchema) });
export type InterviewReviewer = z.infer<typeof interviewReviewerSchema>;

/** When a team member hears that a candidate completed: at once, in a daily digest, or not at all. */
export const completionEmailModes = ['immediate', 'daily', 'off'] as const;
/** Whether a candidate's request for more time or an accommodation e-mails a member who can decide it. */
export const requestEmailModes = ['immediate', 'off'] as const;
export const notificationPreferencesSchema = z.strictObject({
  completionEmails: z.enum(completionEmailModes, { message: 'Use immediate, daily or off' }),
  requestEmails: z.enum(requestEmailModes, { message: 'Use immediate or off' }),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
/** A change of preferences: what is left out stays as it was. */
export const updateNotificationPreferencesSchema = notificationPreferencesSchema.partial();
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesSchema>;
