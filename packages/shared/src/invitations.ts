import { z } from 'zod';
import { accommodationsSchema } from './accommodations.ts';
import { emailSchema, personNameSchema } from './accounts.ts';
import { invitationEventTypes } from './invitation-events.ts';

/** Where a candidate's invitation stands; the list filters on it. */
export const invitationStatuses = [
  'invited',
  'opened',
  'started',
  'completed',
  'expired',
  'withdrawn',
] as const;
export const invitationStatusSchema = z.enum(invitationStatuses, {
  message: 'Use invited, opened, started, completed, expired or withdrawn',
});
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** Statuses in which the candidate may still use the link (before the deadline). */
export const openInvitationStatuses = ['invited', 'opened', 'started'] as const satisfies InvitationStatus[];

/** The largest CSV an import accepts, in bytes of UTF-8. */
export const maxInvitationCsvBytes = 10 * 1024 * 1024;
/** The most candidates one CSV may hold. */
export const maxInvitationCsvRows = 5000;

/** A moment with its offset; the server refuses one in the past. */
export const invitationDeadlineSchema = z.iso.datetime({
  offset: true,
  message: 'Use a date and time such as 2030-05-01T17:00:00+02:00',
});

export const candidatePhoneSchema = z
  .string()
  .trim()
  .max(40, { message: 'Keep the phone number under 40 characters' })
  .regex(/^\+?[0-9 ().-]{4,40}$/, { message: 'Enter a phone number such as +44 20 7946 0000' });

export const externalIdSchema = z
  .string()
  .trim()
  .min(1, { message: 'Leave the external id out or fill it in' })
  .max(200, { message: 'Keep the external id under 200 characters' });

/** One candidate invited by hand. Without a deadline, the interview's deadline policy decides it. */
export const createInvitationSchema = z.strictObject({
  name: personNameSchema,
  email: emailSchema,
  phone: candidatePhoneSchema.nullish(),
  externalId: externalIdSchema.nullish(),
  deadline: invitationDeadlineSchema.optional(),
  accommodations: z.optional(accommodationsSchema),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;
export type CreateInvitationData = z.output<typeof createInvitationSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  /** The frozen version of the interview this candidate sees. */
  interviewVersionId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  status: invitationStatusSchema,
  deadline: z.string(),
  /** The candidate's IANA time zone once their browser told us. */
  candidateTimeZone: z.string().nullable(),
  accommodations: accommodationsSchema,
  hasAccommodations: z.boolean(),
  extensionsGranted: z.number().int(),
  /** Extension or accommodation requests waiting for an answer. */
  pendingRequestCount: z.number().int(),
  invitedAt: z.string(),
  openedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  expiredAt: z.string().nullable(),
  lastActivityAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationTimelineEventSchema = z.object({
  id: z.string(),
  type: z.enum(invitationEventTypes),
  details: z.record(z.string(), z.unknown()).nullable(),
  actorUserId: z.string().nullable(),
  createdAt: z.string(),
});
export type InvitationTimelineEvent = z.infer<typeof invitationTimelineEventSchema>;

/** A candidate's request as the employer sees it (reviewers never see requests or reasons). */
export const invitationRequestSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['extension', 'accommodation']),
  reason: z.string().nullable(),
  requested: z.unknown(),
  status: z.enum(['pending', 'approved', 'declined']),
  autoApproved: z.boolean(),
  decidedAt: z.string().nullable(),
  outcome: z.unknown(),
  createdAt: z.string(),
});
export type InvitationRequestSummary = z.infer<typeof invitationRequestSummarySchema>;

export const invitationDetailSchema = invitationSchema.extend({
  timeline: z.array(invitationTimelineEventSchema),
  requests: z.array(invitationRequestSummarySchema),
});
export type InvitationDetail = z.infer<typeof invitationDetailSchema>;

export const invitationSorts = [
  '-invited',
  'invited',
  'name',
  '-name',
  'deadline',
  '-deadline',
  '-last_activity',
  'last_activity',
  'status',
] as const;

export const listInvitationsQuerySchema = z.object({
  status: invitationStatusSchema.optional(),
  /** Part of the candidate's name or e-mail address. */
  q: z.string().trim().max(200).optional(),
  /** A leading "-" sorts newest or last first. */
  sort: z.enum(invitationSorts, { message: `Use one of ${invitationSorts.join(', ')}` }).default('-invited'),
});
export type ListInvitationsQuery = z.infer<typeof listInvitationsQuerySchema>;

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

export const extendInvitationSchema = z.strictObject({ deadline: invitationDeadlineSchema });

const invitationIdsSchema = z
  .array(z.string().min(1).max(100))
  .min(1, { message: 'Choose at least one invitation' })
  .max(5000, { message: 'Choose at most 5000 invitations' });

/** One action on many invitations of an interview. */
export const bulkInvitationActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('remind'), invitationIds: invitationIdsSchema }),
    z.strictObject({ action: z.literal('withdraw'), invitationIds: invitationIdsSchema }),
    z.strictObject({
      action: z.literal('extend'),
      invitationIds: invitationIdsSchema,
      deadline: invitationDeadlineSchema,
    }),
  ],
  { message: 'Action is remind, extend or withdraw' },
);
export type BulkInvitationAction = z.infer<typeof bulkInvitationActionSchema>;

export const bulkInvitationResultSchema = z.object({
  /** Invitations the action changed. */
  updated: z.array(z.string()),
  /** Invitations left as they were, with why (completed, withdrawn, deadline already later…). */
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BulkInvitationResult = z.infer<typeof bulkInvitationResultSchema>;

/** The CSV text itself (the browser reads the file as UTF-8). Headers: name, email, phone, external_id, deadline. */
export const importInvitationsSchema = z.strictObject({ csv: z.string() });

export const csvRowIssueSchema = z.object({
  /** Line in the file, the header being line 1. */
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type CsvRowIssue = z.infer<typeof csvRowIssueSchema>;

export const csvInvitationRowSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  /** The deadline this row will get, in UTC. */
  deadline: z.string(),
});
export type CsvInvitationRow = z.infer<typeof csvInvitationRowSchema>;

export const invitationImportPreviewSchema = z.object({
  rowCount: z.number().int(),
  valid: z.array(csvInvitationRowSchema),
  errors: z.array(csvRowIssueSchema),
});
export type InvitationImportPreview = z.infer<typeof invitationImportPreviewSchema>;

export const invitationImportResultSchema = z.object({ created: z.number().int() });

/** A fresh link to a candidate's interview, for a recruiter to hand over; shown once, only its hash is kept. */
export const candidateLinkSchema = z.object({
  url: z.string(),
  /** The invitation's deadline: the link works until then. */
  expiresAt: z.string(),
});
export type CandidateLink = z.infer<typeof candidateLinkSchema>;

/** An e-mail filled in with an example candidate, as it would be sent. */
export const emailPreviewSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type EmailPreview = z.infer<typeof emailPreviewSchema>;
/** Where a test e-mail went: the address of the member who asked for it. */
export const emailTestSentSchema = z.object({ to: z.string() });

export const emailTemplateKinds = [
  'invitation',
  'reminder',
  'deadline_extended',
  'completion_candidate',
  'completion_team',
  'outcome_advance',
  'outcome_hold',
  'outcome_reject',
] as const;
export const emailTemplateKindSchema = z.enum(emailTemplateKinds, {
  message: `Use one of ${emailTemplateKinds.join(', ')}`,
});
export type EmailTemplateKind = z.infer<typeof emailTemplateKindSchema>;

/** Words in double braces that e-mail templates may use, e.g. {{candidateName}}. */
export const emailPlaceholders = [
  'candidateName',
  'candidateFirstName',
  'companyName',
  'interviewTitle',
  'roleTitle',
  'link',
  'deadline',
  'questionCount',
] as const;
export type EmailPlaceholder = (typeof emailPlaceholders)[number];

export const emailTemplateSchema = z.object({
  kind: emailTemplateKindSchema,
  subject: z.string(),
  text: z.string(),
  /** null: the HTML part is made from the text. */
  html: z.string().nullable(),
  /** true when this wording is the interview's own (or, in the organisation's list, the organisation's own). */
  customised: z.boolean(),
  /**
   * Where the wording comes from: the interview's own, the organisation's wording for the language, or the
   * built-in one.
   */
  source: z.enum(['interview', 'organisation', 'built_in']),
  updatedAt: z.string().nullable(),
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

export const emailTemplateListSchema = z.object({
  templates: z.array(emailTemplateSchema),
  placeholders: z.array(z.enum(emailPlaceholders)),
});

export const updateEmailTemplateSchema = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, { message: 'Enter a subject' })
    .max(200, { message: 'Keep the subject under 200 characters' }),
  text: z
    .string()
    .trim()
    .min(1, { message: 'Enter the text of the e-mail' })
    .max(20_000, { message: 'Keep the text under 20000 characters' }),
  html: z.string().trim().max(100_000, { message: 'Keep the HTML under 100000 characters' }).nullish(),
});
export type UpdateEmailTemplateInput = z.infer<typeof updateEmailTemplateSchema>;
