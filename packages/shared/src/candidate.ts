import { z } from 'zod';
import { accommodationsSchema, type Accommodations } from './accommodations.ts';
import { answerTypeSchema, startModeSchema, type AnswerType, type ThinkTime } from './interview-questions.ts';
import { interviewLanguageSchema, timeZoneSchema, type InterviewSnapshot } from './interviews.ts';

/** The character limit of a text answer given instead of a video or audio one (an accommodation). */
export const accommodatedTextMaxChars = 5000;

/** The most days one extension request can ask for. */
export const maxExtensionDays = 30;

const reasonSchema = z
  .string()
  .trim()
  .max(1000, { message: 'Keep the reason under 1000 characters' })
  .optional();

/** The POST the landing page makes with the token from the e-mailed link. */
export const startCandidateSessionSchema = z.strictObject({ token: z.string().min(1).max(200) });
export type StartCandidateSessionInput = z.infer<typeof startCandidateSessionSchema>;

/**
 * A candidate's request: more days, or an accommodation (only the parts asked for). Reviewers never see the
 * reason; the employer does.
 */
export const candidateRequestInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('extension'),
      days: z
        .number()
        .int()
        .min(1, { message: 'Ask for at least 1 day' })
        .max(maxExtensionDays, { message: `Ask for at most ${maxExtensionDays} days` }),
      reason: reasonSchema,
    }),
    z
      .strictObject({
        kind: z.literal('accommodation'),
        timeMultiplier: accommodationsSchema.shape.timeMultiplier.unwrap().optional(),
        extraTakes: z.number().int().min(0).max(10).optional(),
        answerFormat: z.enum(['audio', 'text']).nullable().optional(),
        reason: reasonSchema,
      })
      .refine(
        (v) =>
          (v.timeMultiplier !== undefined && v.timeMultiplier !== 1) ||
          (v.extraTakes ?? 0) > 0 ||
          (v.answerFormat ?? null) !== null,
        { message: 'Choose at least one accommodation', path: ['timeMultiplier'] },
      ),
  ],
  { message: 'Kind is extension or accommodation' },
);
export type CandidateRequestInput = z.infer<typeof candidateRequestInputSchema>;

/** The parts of an accommodation a candidate asked for. */
export const requestedAccommodationsSchema = z.object({
  timeMultiplier: accommodationsSchema.shape.timeMultiplier.unwrap().optional(),
  extraTakes: z.number().int().optional(),
  answerFormat: z.enum(['audio', 'text']).nullable().optional(),
});
export type RequestedAccommodations = z.infer<typeof requestedAccommodationsSchema>;

export const invitationRequestStatusSchema = z.enum(['pending', 'approved', 'declined']);
export type InvitationRequestStatus = z.infer<typeof invitationRequestStatusSchema>;

/** A request as the candidate sees it on their landing page. */
export const candidateRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(['extension', 'accommodation']),
  status: invitationRequestStatusSchema,
  autoApproved: z.boolean(),
  /** extension: the days asked for. */
  days: z.number().int().nullable(),
  /** accommodation: what was asked for. */
  accommodations: requestedAccommodationsSchema.nullable(),
  /** The deadline after an approved extension. */
  newDeadline: z.string().nullable(),
  createdAt: z.string(),
});
export type CandidateRequest = z.infer<typeof candidateRequestSchema>;

/** think: seconds; null = as long as the candidate needs; 'none' = recording is the next step. */
export const candidateThinkSchema = z.union([z.number().int(), z.null(), z.literal('none')]);
export type CandidateThink = z.infer<typeof candidateThinkSchema>;

/** One question's rules after the candidate's accommodations, without its prompt. */
export const candidateQuestionRulesSchema = z.object({
  position: z.number().int(),
  answerType: answerTypeSchema,
  think: candidateThinkSchema,
  /** null: no time limit (text answers, or untimed). */
  answerSeconds: z.number().int().nullable(),
  textMaxChars: z.number().int().nullable(),
  takes: z.number().int(),
  startMode: startModeSchema,
});
export type CandidateQuestionRules = z.infer<typeof candidateQuestionRulesSchema>;

export const candidateLandingSchema = z.object({
  companyName: z.string(),
  candidateName: z.string(),
  interviewTitle: z.string(),
  roleTitle: z.string(),
  introText: z.string(),
  instructions: z.string(),
  language: interviewLanguageSchema,
  /** The interview's colour; the page falls back to its own when the contrast is too low. */
  accentColour: z.string().nullable(),
  /** The interview's logo, fetched with the candidate's cookie; null when it has none. */
  logoUrl: z.string().nullable(),
  deadline: z.string(),
  /** The interview's time zone when its deadline is a fixed moment; otherwise null. */
  deadlineTimeZone: z.string().nullable(),
  candidateTimeZone: z.string().nullable(),
  expired: z.boolean(),
  status: z.enum(['invited', 'opened', 'started', 'completed', 'expired', 'withdrawn']),
  questions: z.array(candidateQuestionRulesSchema),
  practiceQuestion: z.object({
    enabled: z.boolean(),
    think: candidateThinkSchema,
    answerSeconds: z.number().int().nullable(),
  }),
  accommodationsApplied: accommodationsSchema,
  /** Where the recordings go and for how long; null days: the employer's retention policy decides. */
  retention: z.object({ days: z.number().int().nullable() }),
  /** Whom to write to about technical trouble: the interview's creator, or the organisation's first owner. */
  contactEmail: z.string().nullable(),
  pendingRequests: z.array(candidateRequestSchema),
});
export type CandidateLanding = z.infer<typeof candidateLandingSchema>;

export const candidateTimeZoneInputSchema = z.strictObject({ timeZone: timeZoneSchema });

/** The answer type a candidate uses: an alternative format replaces video (audio) or video and audio (text). */
export function applyAnswerFormat(answerType: AnswerType, a: Accommodations): AnswerType {
  if (a.answerFormat === 'text') return 'text';
  if (a.answerFormat === 'audio' && answerType === 'video') return 'audio';
  return answerType;
}

/**
 * Think time after accommodations. Untimed makes every think time open-ended, 'none' included: with no limits at
 * all, the candidate reads each question for as long as they need before recording (WCAG 2.2.1).
 */
export function applyThinkAccommodation(think: ThinkTime, a: Accommodations): CandidateThink {
  if (a.timeMultiplier === null) return null;
  if (think.mode === 'none') return 'none';
  if (think.mode === 'unlimited') return null;
  return Math.round(think.seconds * a.timeMultiplier);
}

type SnapshotQuestion = InterviewSnapshot['questions'][number];

/** A question's rules as one candidate gets them: answer format, time multiplier and extra takes applied. */
export function applyAccommodationsToQuestion(
  question: SnapshotQuestion,
  position: number,
  a: Accommodations,
): CandidateQuestionRules {
  const answerType = applyAnswerFormat(question.answerType, a);
  const becameText = answerType === 'text' && question.answerType !== 'text';
  const multiplied =
    question.answerSeconds === null || a.timeMultiplier === null
      ? null
      : Math.round(question.answerSeconds * a.timeMultiplier);
  return {
    position,
    answerType,
    think: applyThinkAccommodation(question.think, a),
    // Text answers have no time limit; the data model holds a length limit instead.
    answerSeconds: answerType === 'text' ? null : multiplied,
    textMaxChars: becameText ? accommodatedTextMaxChars : question.textMaxChars,
    takes: question.takes + a.extraTakes,
    startMode: question.startMode,
  };
}

// The employer's side of candidates' requests.

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
  accommodations: requestedAccommodationsSchema.nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  outcome: z
    .object({
      deadline: z.string().optional(),
      accommodations: accommodationsSchema.optional(),
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
  accommodations: accommodationsSchema.optional(),
});
export type ApproveInvitationRequestInput = z.infer<typeof approveInvitationRequestSchema>;

/** Declining, with an optional note the candidate receives by e-mail. */
export const declineInvitationRequestSchema = z.strictObject({
  message: z.string().trim().max(1000, { message: 'Keep the message under 1000 characters' }).optional(),
});
export type DeclineInvitationRequestInput = z.infer<typeof declineInvitationRequestSchema>;
