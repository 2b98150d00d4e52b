import type { FlowQuestion } from './flowQuestion.ts';
import { useSaveAnswer } from './useCandidateInterview.ts';

/**
 * Saving an answer: the take chosen on the review ("Save and continue" confirms it) or written text, then going on;
 * or another saved take chosen on an answered question, staying there.
 */
export function useAnswerSaving(question: FlowQuestion, onAnswered: () => void) {
  const save = useSaveAnswer();
  const { questionId } = question;
  return {
    isSaving: save.isPending,
    error: save.error,
    saveTake: (takeId: string) => save.mutate({ questionId, input: { takeId } }, { onSuccess: onAnswered }),
    chooseTake: (takeId: string) => save.mutate({ questionId, input: { takeId } }),
    saveText: (text: string) => save.mutate({ questionId, input: { text } }, { onSuccess: onAnswered }),
  };
}
