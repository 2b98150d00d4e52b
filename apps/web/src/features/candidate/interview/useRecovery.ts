import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FlowQuestion } from './flowQuestion.ts';
import { discardRecoveredTake } from './recorder.ts';
import { candidateInterviewQueryKey } from './useCandidateInterview.ts';
import type { QuestionFlow } from './useQuestionFlow.ts';

/**
 * The two answers to a recovered take — kept from a visit that ended mid-answer, or from an upload that failed
 * for good just now: upload what was kept, or drop it and record a fresh take for free.
 */
export function useRecovery(flow: QuestionFlow, question: FlowQuestion) {
  const queryClient = useQueryClient();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { failure } = flow.recorder.state;
  const failedUpload =
    failure?.kind === 'technical' && failure.reason === 'upload_refused' ? failure.recoverable : null;
  const take = failedUpload ?? flow.recovered;

  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setIsBusy(false);
    }
  };

  return {
    isBusy,
    error,
    onUse: () =>
      void run(async () => {
        if (!take) return;
        // The review shows the upload catching up and then "Saved", with the recovered recording to play back.
        flow.setStep('recorded');
        try {
          await flow.recorder.resume(take.takeId);
        } catch (error) {
          flow.setStep(failedUpload ? 'recorded' : 'recovery');
          throw error;
        }
        await queryClient.invalidateQueries({ queryKey: candidateInterviewQueryKey });
      }),
    onFresh: () =>
      void run(async () => {
        if (take) await discardRecoveredTake(take.takeId);
        flow.recordAgain(question.isPractice ? undefined : 'recovery');
      }),
  };
}
