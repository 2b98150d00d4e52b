import { ApiError, type ClientErrorCode } from './client.ts';

/** The human message shown for each error code. Typed as a full record so a new code cannot be missed. */
export const errorMessages: Record<ClientErrorCode, string> = {
  validation_failed: 'Some details need fixing. Check the fields marked below.',
  unauthenticated: 'Your session has ended. Sign in again to continue.',
  forbidden: 'You do not have permission to do that. Ask an owner or admin of your organisation.',
  not_found: 'We could not find that. It may have been removed.',
  csrf_failed: 'Your session needs refreshing. Reload the page and try again.',
  rate_limited: 'Too many attempts. Wait a minute, then try again.',
  payload_too_large: 'That is too large to send.',
  email_taken: 'An account with this e-mail address already exists. Sign in instead.',
  weak_password: 'That password is too common or too easy to guess. Choose a longer or less common one.',
  invalid_credentials: 'The e-mail address or password is not right.',
  reset_link_invalid: 'This password reset link is not valid. It may have been used already.',
  reset_link_expired: 'This password reset link has expired.',
  team_invitation_invalid: 'This invitation link is not valid. Ask the person who invited you for a new one.',
  team_invitation_used: 'This invitation has already been used. Sign in to continue.',
  team_invitation_expired: 'This invitation has expired. Ask the person who invited you to send it again.',
  already_member: 'That person is already a member of this organisation.',
  last_owner: 'An organisation needs at least one owner. Make someone else an owner first.',
  interview_archived: 'This interview is archived. Restore it before changing it.',
  question_limit_reached: 'This interview already has as many questions as it can hold.',
  bank_question_exists: 'This question is already in the question bank.',
  invitation_not_found: 'We could not find this invitation. Check the link in the e-mail.',
  invitation_withdrawn: 'This invitation has been withdrawn.',
  invitation_exists: 'This person already has an open invitation to this interview.',
  invitation_expired: 'The deadline for this invitation has passed. Extend it to let the candidate continue.',
  csv_encoding: 'The file is not UTF-8 text. Save it as "CSV UTF-8" from your spreadsheet and try again.',
  no_takes_left: 'You have used every take for this question. Your last saved take is kept.',
  take_not_open: 'This take can no longer be recorded. Start a new take.',
  question_not_revealed: 'Show the question before you record your answer.',
  upload_rejected:
    'The recording could not be read as a video. Record the answer again; it will not cost a take.',
  upload_conflict: 'The upload moved on in the meantime. It continues from where it stands.',
  upload_busy: 'The upload is busy with another request. It continues in a moment.',
  consent_required: 'Read and accept the recording notice before you start.',
  take_not_saved: 'That take has not finished saving yet. Wait until it shows as saved.',
  answers_missing: 'Some questions have no answer yet. Answer them before you submit.',
  continue_code_invalid: 'That code is wrong or has expired. Ask for a new one.',
  invitation_not_completed:
    'This candidate has not completed the interview yet, so it cannot be rated or decided.',
  media_not_ready: 'This recording is still being processed. Try again in a moment.',
  media_link_invalid: 'This recording link is not valid. Reload the page to play it again.',
  media_link_expired: 'This recording link has expired. Reload the page to play it again.',
  range_not_satisfiable: 'That part of the recording does not exist. Reload the page and try again.',
  prompt_video_rejected:
    'That file is not a WebM, MP4 or QuickTime video. Choose another file or record again.',
  captions_invalid:
    'That captions file is not WebVTT. Save the captions as a .vtt file that starts with WEBVTT and try again.',
  share_link_invalid: 'This share link is not valid. Check that you copied all of it.',
  share_link_revoked: 'This share link has been revoked. Ask the person who shared it for a new one.',
  share_link_expired: 'This share link has expired. Ask the person who shared it for a new one.',
  guest_session_invalid: 'Open the share link again to continue.',
  invitation_completed: 'This interview has already been completed.',
  candidate_session_invalid: 'Open the link from the invitation e-mail again to continue.',
  request_pending: 'A request of this kind is already waiting for an answer.',
  request_decided: 'Someone has already answered this request. Reload to see the decision.',
  processing_not_retryable:
    'This recording is not failed or stuck any more, so there is nothing to retry. Reload to see where it stands.',
  storage_unavailable:
    'The server cannot save files right now. Nothing you sent is lost; try again in a moment.',
  recording_elsewhere: 'You are recording an answer on another device.',
  take_taken_over:
    'This recording was stopped because you continued on another device. It did not use one of your takes.',
  erasure_link_invalid: 'This erasure link is not valid. Check that you opened the whole link.',
  erasure_link_expired: 'This erasure link has expired. Ask for a new one.',
  erasure_link_used: 'This erasure link has been used already.',
  legal_hold_active: 'This candidate is on legal hold. Lift the hold before erasing them.',
  upload_too_large: 'This recording is larger than an answer to this question can be.',
  storage_allowance_exceeded: 'This candidate link has stored as many recordings as its questions allow.',
  consent_withdrawn: 'The candidate withdrew their consent, so the interview has stopped.',
  rating_required:
    'Rate this candidate first: the team’s ratings, notes and decision stay hidden until you have, so decide after rating.',
  signup_closed:
    'This Oneway instance does not take new sign-ups. Ask its administrator for an invitation to create an organisation.',
  signup_link_invalid: 'This confirmation link is not valid any more. Sign up again to get a new one.',
  instance_invitation_invalid:
    'This invitation is not valid: it was used, withdrawn or has expired. Ask the administrator for a new one.',
  sign_in_throttled: 'Too many failed sign-ins. Wait a little, then try again, or reset your password.',
  second_factor_invalid: 'That code or passkey was not accepted. Try again.',
  sign_in_expired: 'This sign-in has expired. Sign in again with your password.',
  reauthentication_required: 'Enter your password again to change how you sign in.',
  wrong_password: 'Your current password is not right.',
  organisation_suspended:
    'This organisation is suspended by the administrator of this Oneway instance. Contact them to restore it.',
  sso_unavailable: 'Single sign-on is not set up for this address. Sign in with your password instead.',
  sso_failed: 'Single sign-on did not work. Start again, or sign in with your password.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  network_error: 'We could not reach the server. Check your connection and try again.',
  unexpected_response: 'The server sent a response we did not understand. Try again in a moment.',
};

/**
 * Codes whose server message carries what this page cannot know: why a password is guessable and what to do, how
 * long to wait, which sign-up is open here, whether a code or a passkey was refused, which saved question holds a
 * prompt already.
 */
const specificServerMessages = new Set<ClientErrorCode>([
  'weak_password',
  'sign_in_throttled',
  'signup_closed',
  'second_factor_invalid',
  'bank_question_exists',
]);

/** The message to show a person for any thrown value. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError && specificServerMessages.has(error.code) && error.message)
    return error.message;
  if (error instanceof ApiError) return errorMessages[error.code] ?? errorMessages.internal_error;
  return errorMessages.internal_error;
}

/** True when the error carries the given code. */
export function hasErrorCode(error: unknown, code: ClientErrorCode): boolean {
  return error instanceof ApiError && error.code === code;
}
