import type { ErrorCode, FieldIssue } from '@oneway/shared';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  csrf_failed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  email_taken: 409,
  weak_password: 400,
  invalid_credentials: 401,
  reset_link_invalid: 400,
  reset_link_expired: 410,
  team_invitation_invalid: 404,
  team_invitation_used: 409,
  team_invitation_expired: 410,
  already_member: 409,
  last_owner: 409,
  interview_archived: 409,
  question_limit_reached: 409,
  bank_question_exists: 409,
  invitation_not_found: 404,
  invitation_withdrawn: 410,
  invitation_completed: 409,
  candidate_session_invalid: 401,
  request_pending: 409,
  request_decided: 409,
  invitation_exists: 409,
  invitation_expired: 410,
  csv_encoding: 400,
  no_takes_left: 409,
  question_not_revealed: 409,
  take_not_open: 409,
  upload_rejected: 415,
  upload_conflict: 409,
  upload_busy: 423,
  consent_required: 409,
  take_not_saved: 409,
  answers_missing: 409,
  continue_code_invalid: 400,
  invitation_not_completed: 409,
  media_not_ready: 409,
  media_link_invalid: 403,
  media_link_expired: 403,
  range_not_satisfiable: 416,
  prompt_video_rejected: 415,
  captions_invalid: 400,
  share_link_invalid: 404,
  share_link_revoked: 410,
  share_link_expired: 410,
  guest_session_invalid: 401,
  processing_not_retryable: 409,
  storage_unavailable: 503,
  recording_elsewhere: 409,
  take_taken_over: 409,
  erasure_link_invalid: 404,
  erasure_link_expired: 410,
  erasure_link_used: 409,
  legal_hold_active: 409,
  upload_too_large: 413,
  storage_allowance_exceeded: 409,
  consent_withdrawn: 409,
  rating_required: 409,
  signup_closed: 403,
  signup_link_invalid: 400,
  instance_invitation_invalid: 404,
  sign_in_throttled: 429,
  second_factor_invalid: 401,
  reauthentication_required: 403,
  sign_in_expired: 401,
  wrong_password: 400,
  organisation_suspended: 403,
  sso_unavailable: 404,
  sso_failed: 401,
  internal_error: 500,
};

/** An expected failure: the code decides the HTTP status; the message is safe to show. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, options: { message: string; details?: unknown }) {
    super(options.message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
  get status(): number {
    return statusByCode[this.code];
  }
}

export const httpStatusOf = (code: ErrorCode): number => statusByCode[code];

export const notFound = (what: string) => new AppError('not_found', { message: `${what} not found` });

/** The same validation_failed shape the error handler gives schema failures, for rules checked in services. */
export function validationFailed(fields: FieldIssue[]): AppError {
  return new AppError('validation_failed', {
    message: `Check these fields: ${[...new Set(fields.map((f) => f.field))].join(', ')}`,
    details: { fields },
  });
}
