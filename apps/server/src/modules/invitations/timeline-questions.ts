import type { InterviewSnapshot, InvitationTimelineEvent } from '@oneway/shared';

/**
 * "Answer saved" entries name their question by its place and prompt in the candidate's version, so six of them
 * in a row say which answers came in (the event keeps only the question's id).
 */
export function describeAnsweredQuestions(
  timeline: InvitationTimelineEvent[],
  snapshot: InterviewSnapshot,
): InvitationTimelineEvent[] {
  return timeline.map((event) => {
    const questionId = event.details?.questionId;
    if (event.type !== 'answer_saved' || typeof questionId !== 'string') return event;
    const index = snapshot.questions.findIndex((q) => q.id === questionId);
    const question = snapshot.questions[index];
    if (!question) return event;
    return { ...event, details: { ...event.details, position: index + 1, prompt: question.promptText } };
  });
}
