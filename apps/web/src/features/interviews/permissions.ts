import { interviewEditorRoles, type SessionInfo } from '@oneway/shared';

/** Owners, admins and recruiters create and change interviews; reviewers only read them. */
export function canEditInterviews(session: SessionInfo): boolean {
  return (interviewEditorRoles as readonly string[]).includes(session.role);
}
