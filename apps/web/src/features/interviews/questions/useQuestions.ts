import {
  questionListSchema,
  questionSchema,
  type CreateQuestionInput,
  type Interview,
  type Question,
  type UpdateQuestionInput,
} from '@oneway/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';
import { interviewPath, interviewQueryKey, interviewsQueryKey } from '../interviewQueries.ts';

const questionsPath = (interviewId: string) => `${interviewPath(interviewId)}/questions`;

/** A question change that refreshes the interview (and the lists' question counts) before it reports back. */
function useQuestionMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interviewsQueryKey }),
  });
}

export function useAddQuestion(interviewId: string) {
  return useQuestionMutation((input: CreateQuestionInput) =>
    requestApi(questionsPath(interviewId), { method: 'POST', body: input, schema: questionSchema }),
  );
}

export function useUpdateQuestion(interviewId: string) {
  return useQuestionMutation(({ questionId, input }: { questionId: string; input: UpdateQuestionInput }) =>
    requestApi(`${questionsPath(interviewId)}/${encodeURIComponent(questionId)}`, {
      method: 'PATCH',
      body: input,
      schema: questionSchema,
    }),
  );
}

/** Gives every other question of the interview this question's rules (the server says which fit which). */
export function useApplyRulesToAll(interviewId: string) {
  return useQuestionMutation((questionId: string) =>
    requestApi(`${questionsPath(interviewId)}/${encodeURIComponent(questionId)}/apply-rules-to-all`, {
      method: 'POST',
      schema: questionListSchema,
    }),
  );
}

export function useDeleteQuestion(interviewId: string) {
  return useQuestionMutation((questionId: string) =>
    requestApi(`${questionsPath(interviewId)}/${encodeURIComponent(questionId)}`, { method: 'DELETE' }),
  );
}

function orderQuestions(questions: Question[], ids: string[]): Question[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return ids.flatMap((id, position) => {
    const question = byId.get(id);
    return question ? [{ ...question, position }] : [];
  });
}

/**
 * Shows the new order at once and sends it; moves made in quick succession are sent one after another, and
 * only the last answer is written back, so the list never jumps to an order the person has already left.
 */
export function useReorderQuestions(interviewId: string) {
  const queryClient = useQueryClient();
  const key = interviewQueryKey(interviewId);
  const mutationKey = ['interviews', 'reorder', interviewId];
  const isLast = () => queryClient.isMutating({ mutationKey }) <= 1;
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join('/') },
    mutationFn: (questionIds: string[]) =>
      requestApi(`${questionsPath(interviewId)}/order`, {
        method: 'PUT',
        body: { questionIds },
        schema: questionListSchema,
      }),
    onMutate: async (questionIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Interview>(key);
      queryClient.setQueryData<Interview>(key, (interview) =>
        interview ? { ...interview, questions: orderQuestions(interview.questions, questionIds) } : interview,
      );
      return { previous };
    },
    onSuccess: ({ questions }) => {
      if (isLast()) queryClient.setQueryData<Interview>(key, (i) => (i ? { ...i, questions } : i));
    },
    onError: async (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
