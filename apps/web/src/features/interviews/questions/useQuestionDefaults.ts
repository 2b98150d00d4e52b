import { questionDefaultsSchema, type QuestionDefaults } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';

const questionDefaultsKey = ['organisation', 'question-defaults'] as const;
const path = '/organisation/question-defaults';

/** The rules a new question starts with, for the whole organisation. */
export function useQuestionDefaults() {
  return useQuery({
    queryKey: questionDefaultsKey,
    queryFn: ({ signal }) => requestApi(path, { schema: questionDefaultsSchema, signal }),
  });
}

/** Sets them (owners and admins), or goes back to the built-in rules with null. */
export function useSaveQuestionDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (defaults: QuestionDefaults | null) =>
      defaults
        ? requestApi(path, { method: 'PUT', body: defaults, schema: questionDefaultsSchema })
        : requestApi(path, { method: 'DELETE', schema: questionDefaultsSchema }),
    onSuccess: (saved) => queryClient.setQueryData(questionDefaultsKey, saved),
  });
}
