import * as z from 'zod/mini';
import { accommodationsSchema, timeMultiplierSchema, type Accommodations } from './accommodations.ts';
import type { ThinkTime } from './interview-questions.ts';
import type { InterviewSnapshot } from './interviews.ts';
import {
  answerTypeSchema,
  interviewLanguageSchema,
  startModeSchema,
  timeZoneSchema,
  type AnswerType,
} from './question-rules.ts';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small. The
// employer's side of candidates' requests is in invitation-requests.ts.

/** The character limit of a text answer given instead of a video or audio one (an accommodation). */
export const accommodatedTextMaxChars = 5000;

/** The most days one extension request can ask for. */
export const maxExtensionDays = 30;

const reasonSchema = z.optional(
  z.string().check(z.trim(), z.maxLength(1000, { error: 'Keep the reason under 1000 characters' })),
);

/** The POST the landing page makes with the token from the e-mailed link. */
export const startCandidateSessionSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});
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
        .int()
        .check(
          z.gte(1, { error: 'Ask for at least 1 day' }),
          z.lte(maxExtensionDays, { error: `Ask for at most ${maxExtensionDays} days` }),
        ),
      reason: reasonSchema,
    }),
    z
      .strictObject({
        kind: z.literal('accommodation'),
        timeMultiplier: z.optional(timeMultiplierSchema),
        extraTakes: z.optional(z.int().check(z.gte(0), z.lte(10))),
        answerFormat: z.optional(z.nullable(z.enum(['audio', 'text']))),
        reason: reasonSchema,
      })
      .check(
        z.refine(
          (v) =>
            (v.timeMultiplier !== undefined && v.timeMultiplier !== 1) ||
            (v.extraTakes ?? 0) > 0 ||
            (v.answerFormat ?? null) !== null,
          { error: 'Choose at least one accommodation', path: ['timeMultiplier'] },
        ),
      ),
  ],
  { error: 'Kind is extension or accommodation' },
);
export type CandidateRequestInput = z.infer<typeof candidateRequestInputSchema>;

/** The parts of an accommodation a candidate asked for. */
export const requestedAccommodationsSchema = z.object({
  timeMultiplier: z.optional(timeMultiplierSchema),
  extraTakes: z.optional(z.int()),
  answerFormat: z.optional(z.nullable(z.enum(['audio', 'text']))),
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
  days: z.nullable(z.int()),
  /** accommodation: what was asked for. */
  accommodations: z.nullable(requestedAccommodationsSchema),
  /** The deadline after an approved extension. */
  newDeadline: z.nullable(z.string()),
  createdAt: z.string(),
});
export type CandidateRequest = z.infer<typeof candidateRequestSchema>;

/** think: seconds; null = as long as the candidate needs; 'none' = recording is the next step. */
export const candidateThinkSchema = z.union([z.int(), z.null(), z.literal('none')]);
export type CandidateThink = z.infer<typeof candidateThinkSchema>;

/** One question's rules after the candidate's accommodations, without its prompt. */
export const candidateQuestionRulesSchema = z.object({
  position: z.int(),
  answerType: answerTypeSchema,
  think: candidateThinkSchema,
  /** null: no time limit (text answers, or untimed). */
  answerSeconds: z.nullable(z.int()),
  textMaxChars: z.nullable(z.int()),
  takes: z.int(),
  startMode: startModeSchema,
});
export type CandidateQuestionRules = z.infer<typeof candidateQuestionRulesSchema>;

/**
 * Another device (another session of the same invitation) is recording an answer right now: the question and its
 * 1-based position. Also the `details` of a recording_elsewhere error.
 */
export const recordingElsewhereSchema = z.object({ questionId: z.string(), position: z.int() });
export type RecordingElsewhere = z.infer<typeof recordingElsewhereSchema>;

export const candidateLandingSchema = z.object({
  companyName: z.string(),
  candidateName: z.string(),
  interviewTitle: z.string(),
  roleTitle: z.string(),
  introText: z.string(),
  instructions: z.string(),
  language: interviewLanguageSchema,
  /** The interview's colour; the page falls back to its own when the contrast is too low. */
  accentColour: z.nullable(z.string()),
  /** The interview's logo, fetched with the candidate's cookie; null when it has none. */
  logoUrl: z.nullable(z.string()),
  deadline: z.string(),
  /** The interview's time zone when its deadline is a fixed moment; otherwise null. */
  deadlineTimeZone: z.nullable(z.string()),
  candidateTimeZone: z.nullable(z.string()),
  expired: z.boolean(),
  status: z.enum(['invited', 'opened', 'started', 'completed', 'expired', 'withdrawn']),
  questions: z.array(candidateQuestionRulesSchema),
  practiceQuestion: z.object({
    enabled: z.boolean(),
    think: candidateThinkSchema,
    answerSeconds: z.nullable(z.int()),
  }),
  accommodationsApplied: accommodationsSchema,
  /** Where the recordings go and for how long; null days: the employer's retention policy decides. */
  retention: z.object({ days: z.nullable(z.int()) }),
  /** Whom to write to about technical trouble: the interview's creator, or the organisation's first owner. */
  contactEmail: z.nullable(z.string()),
  pendingRequests: z.array(candidateRequestSchema),
  /** Another session of this invitation (another device) is recording an answer right now; null when none is. */
  recordingElsewhere: z.nullable(recordingElsewhereSchema),
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
