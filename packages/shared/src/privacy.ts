import { z } from 'zod';

/**
 * The data lifecycle, employer side: how long candidates' data is kept, legal holds, and erasure now. Retention
 * counts from the moment a candidate's data "closes" (see docs/decisions.md): the team's decision on a candidate
 * who submitted, or the interview's archiving; for one who never submitted, the end of their invitation (deadline
 * passed, withdrawn) or the interview's archiving, whichever comes first.
 */

/** Choices of retention: keep (no automatic erasure) or a number of days after the data closes. */
export const retentionChoices = ['keep', '30', '90', '180', '365'] as const;
export const retentionChoiceSchema = z.enum(retentionChoices, {
  message: 'Choose keep, 30, 90, 180 or 365 days',
});
export type RetentionChoice = z.infer<typeof retentionChoiceSchema>;

/** An interview follows its organisation's default unless it chooses its own. */
export const interviewRetentionChoiceSchema = z.enum(['organisation', ...retentionChoices], {
  message: "Choose the organisation's default, keep, 30, 90, 180 or 365 days",
});
export type InterviewRetentionChoice = z.infer<typeof interviewRetentionChoiceSchema>;

/** Days a confirmed erasure request may wait at most (Illinois' AI Video Interview Act: 30 days). */
export const maxErasureWindowDays = 30;
export const defaultErasureWindowDays = 7;

export const privacySettingsSchema = z.object({
  retention: retentionChoiceSchema,
  erasureWindowDays: z.number().int(),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const updatePrivacySettingsSchema = z.strictObject({
  retention: retentionChoiceSchema,
  erasureWindowDays: z
    .number({ message: 'Give a number of days' })
    .int({ message: 'Use whole days' })
    .min(0, { message: 'Use 0 days or more' })
    .max(maxErasureWindowDays, {
      message: `Erasure requests are carried out within ${maxErasureWindowDays} days at most`,
    }),
});
export type UpdatePrivacySettingsInput = z.infer<typeof updatePrivacySettingsSchema>;

/** Days of a retention choice; null for keep. */
export const retentionDaysOf = (choice: RetentionChoice): number | null =>
  choice === 'keep' ? null : Number(choice);

export const erasureReasonSchema = z.enum([
  'retention',
  'candidate_request',
  'employer',
  'consent_withdrawn',
]);
export type ErasureReason = z.infer<typeof erasureReasonSchema>;

/** Where one candidate of an interview stands with retention. */
export const retentionCandidateSchema = z.object({
  invitationId: z.string(),
  name: z.string(),
  /** When the candidate's data closed; null while it is open (no decision yet, deadline ahead). */
  closedAt: z.string().nullable(),
  /** When the daily job erases it (retention, or a confirmed request, whichever comes first); null: not planned. */
  eraseAt: z.string().nullable(),
  /** Why it is erased at eraseAt. */
  eraseReason: z.enum(['retention', 'candidate_request']).nullable(),
  /** A legal hold stops every erasure but the team's own. */
  legalHold: z.boolean(),
});
export type RetentionCandidate = z.infer<typeof retentionCandidateSchema>;

/** The interview page's retention panel: the choice, what it means and what will be erased when. */
export const interviewRetentionSchema = z.object({
  choice: interviewRetentionChoiceSchema,
  organisationDefault: retentionChoiceSchema,
  /** The days that apply (null: kept until erased by hand or by request). */
  effectiveDays: z.number().int().nullable(),
  /** Candidates with an erasure planned or held, soonest first. */
  planned: z.array(retentionCandidateSchema),
  /** Candidates whose data has not closed yet, so no date can be given. */
  openCount: z.number().int(),
  /** Candidates of this interview already erased (any reason). */
  erasedCount: z.number().int(),
});
export type InterviewRetention = z.infer<typeof interviewRetentionSchema>;

export const updateInterviewRetentionSchema = z.strictObject({ choice: interviewRetentionChoiceSchema });

/** A candidate's privacy state on the employer's candidate page. */
export const candidatePrivacySchema = z.object({
  legalHold: z
    .object({ reason: z.string().nullable(), placedAt: z.string(), placedBy: z.string().nullable() })
    .nullable(),
  erasureRequest: z
    .object({ requestedAt: z.string(), confirmedAt: z.string().nullable(), dueAt: z.string().nullable() })
    .nullable(),
  closedAt: z.string().nullable(),
  retentionEraseAt: z.string().nullable(),
  /** Owners and admins may erase now and set or lift a hold. */
  canManage: z.boolean(),
});
export type CandidatePrivacy = z.infer<typeof candidatePrivacySchema>;

export const placeLegalHoldSchema = z.strictObject({
  reason: z.string().trim().max(500, { message: 'Keep the reason under 500 characters' }).optional(),
});

/** Erasing one candidate now: the confirmation must be the candidate's e-mail address, typed. */
export const eraseCandidateSchema = z.strictObject({
  confirmation: z
    .string()
    .trim()
    .min(1, { message: "Type the candidate's e-mail address to confirm" })
    .max(320),
});

/** Erasing every candidate of an interview now: the confirmation must be the interview's title, typed. */
export const eraseInterviewCandidatesSchema = z.strictObject({
  confirmation: z.string().trim().min(1, { message: "Type the interview's title to confirm" }).max(300),
});

export const erasureResultSchema = z.object({
  /** Candidates erased by this request. */
  erased: z.number().int(),
  /** Candidates left alone because of a legal hold. */
  held: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;
