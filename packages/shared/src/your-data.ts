import * as z from 'zod/mini';

// zod/mini: the candidate's "Your data" pages import these shapes.

/** What "Your data" shows the candidate: everything the employer holds about them, and where erasure stands. */
export const candidateDataSchema = z.object({
  companyName: z.string(),
  interviewTitle: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.nullable(z.string()),
  timeZone: z.nullable(z.string()),
  recordings: z.int(),
  textAnswers: z.int(),
  /** The consent in force (null: none, or withdrawn). */
  consentedAt: z.nullable(z.string()),
  consentWithdrawnAt: z.nullable(z.string()),
  /** Consent can be withdrawn until the interview is submitted. */
  canWithdrawConsent: z.boolean(),
  submitted: z.boolean(),
  /** Days the employer keeps data after it closes; null: until erased on request or by hand. */
  retentionDays: z.nullable(z.int()),
  /** When retention erases it, once known. */
  retentionEraseAt: z.nullable(z.string()),
  erasure: z.object({
    /** none; link_sent (waiting for the e-mailed link); scheduled (confirmed); held (a legal hold stops it). */
    status: z.enum(['none', 'link_sent', 'scheduled', 'held']),
    requestedAt: z.nullable(z.string()),
    linkExpiresAt: z.nullable(z.string()),
    /** The date by which it is carried out. */
    dueAt: z.nullable(z.string()),
  }),
  /** Days the employer takes at most to carry out a confirmed request. */
  erasureWindowDays: z.int(),
});
export type CandidateData = z.infer<typeof candidateDataSchema>;

export const erasureRequestSentSchema = z.object({ linkExpiresAt: z.string() });
export type ErasureRequestSent = z.infer<typeof erasureRequestSentSchema>;

/** The token from the e-mailed confirmation link. */
export const confirmErasureSchema = z.strictObject({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
});

export const erasureConfirmedSchema = z.object({
  /** The data will be erased by then (unless a legal hold stands). */
  dueAt: z.string(),
  held: z.boolean(),
});
export type ErasureConfirmed = z.infer<typeof erasureConfirmedSchema>;

export const consentWithdrawnSchema = z.object({ withdrawnAt: z.string() });
export type ConsentWithdrawn = z.infer<typeof consentWithdrawnSchema>;

/** Hours a confirmation link works. */
export const erasureLinkHours = 24;
