import type { FlowQuestion } from './flowQuestion.ts';
import { useSaveAnswer } from './useCandidateInterview.ts';
import type { QuestionFlow } from './useQuestionFlow.ts';

/** Saving an answer, then going on: the take just reviewed ("Save and continue" confirms it) or written text. */
export function useAnswerSaving(question: FlowQuestion, flow: QuestionFlow, onAnswered: () => void) {
  const save = useSaveAnswer();
  const { questionId } = question;
  return {
    isSaving: save.isPending,
    error: save.error,
    saveTake: () => {
      const { takeId } = flow.recorder.state;
      if (takeId) save.mutate({ questionId, input: { takeId } }, { onSuccess: onAnswered });
    },
    saveText: (text: string) => save.mutate({ questionId, input: { text } }, { onSuccess: onAnswered }),
  };
}
