import type { CandidateInterview } from '@oneway/shared';

export const practicePath = '/interview/practice';
export const reviewPath = '/interview/review';
export const donePath = '/interview/done';

export const questionPath = (position: number) => `/interview/questions/${position}`;

/** Where "Continue" leads from a question: the next one, or the review after the last. */
export function pathAfterQuestion(interview: CandidateInterview, position: number): string {
  return position < interview.questions.length ? questionPath(position + 1) : reviewPath;
}

/** The first question without an answer, or the review when every question has one. */
export function nextUnansweredPath(interview: CandidateInterview): string {
  const next = interview.questions.find((q) => q.answer === null);
  return next ? questionPath(next.position) : reviewPath;
}

/**
 * Where a returning candidate picks up: consent first, then the device check (a new visit may be a new device),
 * and once any question has been started, straight to the next one without an answer.
 */
export function resumePath(interview: CandidateInterview): string {
  if (interview.submittedAt) return donePath;
  if (!interview.consentedAt) return '/interview/consent';
  const started = interview.questions.some((q) => q.answer !== null || q.revealedAt !== null);
  return started ? nextUnansweredPath(interview) : '/interview/device-check';
}
