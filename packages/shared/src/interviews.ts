import { z } from 'zod';
import type { Role } from './accounts.ts';
import {
  answerSecondsSchema,
  promptTextSchema,
  questionSchema,
  thinkTimeSchema,
} from './interview-questions.ts';
import { promptVideoSchema } from './prompt-videos.ts';
import { interviewLanguageSchema, timeZoneSchema, type InterviewLanguage } from './question-rules.ts';

export * from './interview-questions.ts';
export {
  interviewLanguages,
  interviewLanguageSchema,
  isTimeZone,
  timeZoneSchema,
  type InterviewLanguage,
} from './question-rules.ts';

/** Roles that may create and change interviews; every member may read them. */
export const interviewEditorRoles = ['owner', 'admin', 'recruiter'] as const satisfies readonly Role[];

/** The practice prompt used when the employer writes none, in the interview's language. */
export const defaultPracticePrompts: Record<InterviewLanguage, string> = {
  en: 'Tell us briefly about yourself. This practice answer is never sent to anyone.',
  es: 'Cuéntanos brevemente quién eres. Esta respuesta de práctica no se envía a nadie.',
};

/** N days after the invitation, or one fixed moment (stored in UTC) shown with its time zone. */
export const deadlinePolicySchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('relative'),
      days: z
        .number()
        .int()
        .min(1, { message: 'Allow at least 1 day' })
        .max(90, { message: 'Allow at most 90 days' }),
    }),
    z.strictObject({
      mode: z.literal('fixed'),
      at: z.iso.datetime({ offset: true, message: 'Use a date and time such as 2030-05-01T17:00:00+02:00' }),
      timeZone: timeZoneSchema,
    }),
  ],
  { message: 'Deadline mode is relative or fixed' },
);
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>;

/** Hours before the deadline at which reminders go out; [] for none. */
export const reminderHoursSchema = z
  .array(
    z
      .number()
      .int()
      .min(1, { message: 'A reminder is at least 1 hour before the deadline' })
      .max(720, { message: 'A reminder is at most 720 hours (30 days) before the deadline' }),
  )
  .max(10, { message: 'Use at most 10 reminders' })
  .refine((hours) => new Set(hours).size === hours.length, { message: 'Use each reminder time once' });

/** A practice question with the real timers; its answers never reach reviewers. */
export const practiceQuestionSchema = z.strictObject({
  enabled: z.boolean(),
  promptText: promptTextSchema,
  think: thinkTimeSchema,
  answerSeconds: answerSecondsSchema,
});
export type PracticeQuestion = z.infer<typeof practiceQuestionSchema>;
export const practiceQuestionPatchSchema = practiceQuestionSchema.partial();

/** Extension requests approved without the employer, up to maxDays each and maxTimes per invitation. */
export const autoExtensionSchema = z.strictObject({
  maxDays: z.number().int().min(0).max(30, { message: 'Approve at most 30 days automatically' }),
  maxTimes: z.number().int().min(0).max(5, { message: 'Approve at most 5 times automatically' }),
});
export type AutoExtension = z.infer<typeof autoExtensionSchema>;

/** Which decisions e-mail the candidate without being asked; all off unless the team turns one on. */
export const outcomeEmailsSchema = z.strictObject({
  advance: z.boolean({ message: 'Use true or false' }),
  hold: z.boolean({ message: 'Use true or false' }),
  reject: z.boolean({ message: 'Use true or false' }),
});
export type OutcomeEmails = z.infer<typeof outcomeEmailsSchema>;

const accentColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a colour such as #1a7f5a' });

const interviewFields = {
  title: z
    .string({ message: 'Enter a title' })
    .trim()
    .min(1, { message: 'Enter a title' })
    .max(200, { message: 'Keep the title under 200 characters' }),
  roleTitle: z.string().trim().max(200, { message: 'Keep the role under 200 characters' }),
  introText: z.string().trim().max(5000, { message: 'Keep the introduction under 5000 characters' }),
  instructions: z.string().trim().max(5000, { message: 'Keep the instructions under 5000 characters' }),
  language: interviewLanguageSchema,
  accentColour: accentColourSchema.nullable(),
  deadlinePolicy: deadlinePolicySchema,
  /**
   * The zone every deadline typed for this interview is read in, on the invite form and in CSV files alike (and
   * shown next to those fields). Candidates still see deadlines in their own zone.
   */
  timeZone: timeZoneSchema,
  reminderHours: reminderHoursSchema,
  ratingsHiddenUntilRated: z.boolean(),
  anonymisedReview: z.boolean(),
  outcomeEmails: outcomeEmailsSchema,
};

/** A new interview: only the title is required. */
export const createInterviewSchema = z.strictObject({
  title: interviewFields.title,
  roleTitle: interviewFields.roleTitle.default(''),
  introText: interviewFields.introText.default(''),
  instructions: interviewFields.instructions.default(''),
  language: z._default(interviewFields.language, 'en'),
  accentColour: interviewFields.accentColour.default(null),
  deadlinePolicy: deadlinePolicySchema.default(() => ({ mode: 'relative' as const, days: 7 })),
  /** Left out: a fixed deadline's zone, else UTC. */
  timeZone: z.optional(interviewFields.timeZone),
  reminderHours: reminderHoursSchema.default(() => [48, 24]),
  /** Missing fields take the defaults: enabled, a prompt in the interview's language, 30 s think, 90 s answer. */
  practiceQuestion: practiceQuestionPatchSchema.default(() => ({})),
  autoExtension: autoExtensionSchema.default(() => ({ maxDays: 0, maxTimes: 0 })),
  ratingsHiddenUntilRated: interviewFields.ratingsHiddenUntilRated.default(true),
  anonymisedReview: interviewFields.anonymisedReview.default(false),
  outcomeEmails: outcomeEmailsSchema.default(() => ({ advance: false, hold: false, reject: false })),
});
export type CreateInterviewInput = z.input<typeof createInterviewSchema>;
/** A new interview after parsing: every default filled in except the practice question's. */
export type CreateInterviewData = z.output<typeof createInterviewSchema>;

/** A change to an interview; practiceQuestion, autoExtension and outcomeEmails are merged field by field. */
export const updateInterviewSchema = z.strictObject({
  title: interviewFields.title.optional(),
  roleTitle: interviewFields.roleTitle.optional(),
  introText: interviewFields.introText.optional(),
  instructions: interviewFields.instructions.optional(),
  language: z.optional(interviewFields.language),
  accentColour: interviewFields.accentColour.optional(),
  deadlinePolicy: deadlinePolicySchema.optional(),
  timeZone: z.optional(interviewFields.timeZone),
  reminderHours: reminderHoursSchema.optional(),
  practiceQuestion: practiceQuestionPatchSchema.optional(),
  autoExtension: autoExtensionSchema.partial().optional(),
  ratingsHiddenUntilRated: interviewFields.ratingsHiddenUntilRated.optional(),
  anonymisedReview: interviewFields.anonymisedReview.optional(),
  outcomeEmails: outcomeEmailsSchema.partial().optional(),
});
export type UpdateInterviewInput = z.infer<typeof updateInterviewSchema>;

/** Invitations per status; filled by the invitation work. */
export const interviewCountsSchema = z.object({
  invited: z.number().int(),
  opened: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  expired: z.number().int(),
  withdrawn: z.number().int(),
});
export type InterviewCounts = z.infer<typeof interviewCountsSchema>;

export const interviewSchema = z.object({
  id: z.string(),
  ...interviewFields,
  practiceQuestion: practiceQuestionSchema,
  autoExtension: autoExtensionSchema,
  questions: z.array(questionSchema),
  /** Where members fetch the interview's logo (versioned by its change time), or null when it has none. */
  logoUrl: z.string().nullable(),
  /** The video candidates watch on the landing page (introText is its text version); null when it has none. */
  introVideo: z.nullable(promptVideoSchema),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** The image types an interview logo may have; SVG is refused because it can carry scripts. */
export const interviewLogoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type InterviewLogoType = (typeof interviewLogoTypes)[number];
/** The largest logo accepted, in bytes. */
export const interviewLogoMaxBytes = 1024 * 1024;

export const interviewSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  roleTitle: z.string(),
  language: interviewLanguageSchema,
  questionCount: z.number().int(),
  counts: interviewCountsSchema,
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;

export const listInterviewsQuerySchema = z.object({
  status: z.enum(['active', 'archived', 'all'], { message: 'Use active, archived or all' }).default('active'),
});
export type ListInterviewsQuery = z.infer<typeof listInterviewsQuerySchema>;

export const interviewListSchema = z.object({ interviews: z.array(interviewSummarySchema) });

/** What a candidate sees of an interview, frozen per version so edits never change a started interview. */
export const interviewSnapshotSchema = z.object({
  title: z.string(),
  roleTitle: z.string(),
  introText: z.string(),
  instructions: z.string(),
  language: interviewLanguageSchema,
  accentColour: z.string().nullable(),
  practiceQuestion: practiceQuestionSchema,
  /** The intro video, when the interview had a processed one; left out otherwise (older snapshots never have it). */
  introVideoId: z.string().optional(),
  questions: z.array(
    questionSchema.omit({ position: true, rubric: true, promptVideo: true }).extend({
      /** The question's processed video prompt; left out when it has none. */
      promptVideoId: z.string().optional(),
    }),
  ),
});
export type InterviewSnapshot = z.infer<typeof interviewSnapshotSchema>;

export const interviewVersionSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  version: z.number().int(),
  snapshot: interviewSnapshotSchema,
  createdAt: z.string(),
});
export type InterviewVersion = z.infer<typeof interviewVersionSchema>;
