import {
  bankQuestionListSchema,
  bankQuestionSchema,
  questionListSchema,
  questionSchema,
  starterQuestionListSchema,
  type QuestionSettings,
  type StarterLanguage,
  type StarterRole,
  type UpdateBankQuestionInput,
} from '@oneway/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { interviewPath, interviewsQueryKey } from '../interviews/interviewQueries.ts';

export const questionBankQueryKey = ['question-bank'] as const;

/** What the bank list is narrowed to: words of the prompt and one tag ('' for none). */
export interface BankFilters {
  q: string;
  tag: string;
}

export const noBankFilters: BankFilters = { q: '', tag: '' };

function toQueryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The organisation's saved questions, newest first, and every tag in the bank. */
export function useQuestionBank(filters: BankFilters = noBankFilters, enabled = true) {
  return useQuery({
    queryKey: [...questionBankQueryKey, 'list', filters.q, filters.tag],
    queryFn: ({ signal }) =>
      requestApi(`/question-bank${toQueryString({ q: filters.q.trim(), tag: filters.tag })}`, {
        schema: bankQuestionListSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
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

/** Copies a starter library question to the bank, with its rubric and tags. */
export function useCopyStarterToBank() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (starterQuestionId: string) =>
      requestApi('/question-bank', {
        method: 'POST',
        body: { starterQuestionId },
        schema: bankQuestionSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: questionBankQueryKey }),
  });
}

export function useUpdateBankQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateBankQuestionInput }) =>
      requestApi(`/question-bank/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: input,
        schema: bankQuestionSchema,
      }),
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

export interface StarterFilters {
  role: StarterRole | '';
  language: StarterLanguage;
  q: string;
}

/** The starter library in one language, by role and words of the prompt. */
export function useStarterQuestions(filters: StarterFilters) {
  return useQuery({
    queryKey: [...questionBankQueryKey, 'starter', filters.role, filters.language, filters.q],
    queryFn: ({ signal }) =>
      requestApi(
        `/question-bank/starter${toQueryString({ role: filters.role, language: filters.language, q: filters.q.trim() })}`,
        { schema: starterQuestionListSchema, signal },
      ),
    select: (data) => data.starterQuestions,
    placeholderData: keepPreviousData,
  });
}

/** Adds a question with these rules (a starter question's) to the end of an interview, without the bank. */
export function useAddSettingsToInterview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ interviewId, settings }: { interviewId: string; settings: QuestionSettings }) =>
      requestApi(`${interviewPath(interviewId)}/questions`, {
        method: 'POST',
        body: settings,
        schema: questionSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interviewsQueryKey }),
  });
}
