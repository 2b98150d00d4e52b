/** Stable error codes shared by the server and the web app. The web app shows a human message for each. */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'csrf_failed',
  'rate_limited',
  'payload_too_large',
  'email_taken',
  'weak_password',
  'invalid_credentials',
  'reset_link_invalid',
  'reset_link_expired',
  'team_invitation_invalid',
  'team_invitation_used',
  'team_invitation_expired',
  'already_member',
  'last_owner',
  'interview_archived',
  'question_limit_reached',
  'bank_question_exists',
  'invitation_not_found',
  'invitation_withdrawn',
  'invitation_completed',
  'candidate_session_invalid',
  'request_pending',
  'request_decided',
  'invitation_exists',
  'invitation_expired',
  'csv_encoding',
  'no_takes_left',
  'take_not_open',
  'question_not_revealed',
  'upload_rejected',
  'upload_conflict',
  'upload_busy',
  'consent_required',
  'take_not_saved',
  'answers_missing',
  'continue_code_invalid',
  'invitation_not_completed',
  'media_not_ready',
  'media_link_invalid',
  'media_link_expired',
  'range_not_satisfiable',
  'prompt_video_rejected',
  'captions_invalid',
  'share_link_invalid',
  'share_link_revoked',
  'share_link_expired',
  'guest_session_invalid',
  'processing_not_retryable',
  'storage_unavailable',
  'recording_elsewhere',
  'take_taken_over',
  'erasure_link_invalid',
  'erasure_link_expired',
  'erasure_link_used',
  'legal_hold_active',
  'upload_too_large',
  'storage_allowance_exceeded',
  'consent_withdrawn',
  'rating_required',
  'signup_closed',
  'signup_link_invalid',
  'instance_invitation_invalid',
  'sign_in_throttled',
  'second_factor_invalid',
  'reauthentication_required',
  'sign_in_expired',
  'wrong_password',
  'organisation_suspended',
  'sso_unavailable',
  'sso_failed',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The one error body every failing request answers with. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

/** A field-level problem inside a `validation_failed` error. */
export interface FieldIssue {
  field: string;
  message: string;
}
