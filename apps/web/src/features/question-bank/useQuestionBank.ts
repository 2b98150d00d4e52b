import { bankQuestionListSchema, bankQuestionSchema, questionListSchema } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { interviewPath, interviewsQueryKey } from '../interviews/interviewQueries.ts';

export const questionBankQueryKey = ['question-bank'] as const;

/** The organisation's saved questions, newest as the server orders them. */
export function useQuestionBank(enabled = true) {
  return useQuery({
    queryKey: questionBankQueryKey,
    queryFn: ({ signal }) => requestApi('/question-bank', { schema: bankQuestionListSchema, signal }),
    select: (data) => data.bankQuestions,
    enabled,
  });
}

/** Saves a copy of an interview's question to the bank; later edits to either do not follow. */
export function useSaveToBank() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (questionId: string) =>
      requestApi('/question-bank', { method: 'POST', body: { questionId }, schema: bankQuestionSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionBankQueryKey }),
  });
}

export function useDeleteBankQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestApi(`/question-bank/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: questionBankQueryKey }),
  });
}

/** Copies the chosen bank questions, in the order given, to the end of the interview. */
export function useAddFromBank(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bankQuestionIds: string[]) =>
      requestApi(`${interviewPath(interviewId)}/questions/from-bank`, {
        method: 'POST',
        body: { bankQuestionIds },
        schema: questionListSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interviewsQueryKey }),
  });
}
