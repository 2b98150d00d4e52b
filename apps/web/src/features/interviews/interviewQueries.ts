import {
  interviewListSchema,
  interviewSchema,
  type CreateInterviewInput,
  type Interview,
  type ListInterviewsQuery,
  type UpdateInterviewInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi, uploadBinary } from '../../api/client.ts';

export type InterviewListStatus = ListInterviewsQuery['status'];

/** Every interview query starts with this key, so one invalidation refreshes lists and details. */
export const interviewsQueryKey = ['interviews'] as const;
export const interviewListQueryKey = (status: InterviewListStatus) => ['interviews', 'list', status] as const;
export const interviewQueryKey = (id: string) => ['interviews', 'detail', id] as const;

export const interviewPath = (id: string) => `/interviews/${encodeURIComponent(id)}`;

export function useInterviews(status: InterviewListStatus) {
  return useQuery({
    queryKey: interviewListQueryKey(status),
    queryFn: ({ signal }) =>
      requestApi(`/interviews?status=${status}`, { schema: interviewListSchema, signal }),
    select: (data) => data.interviews,
  });
}

export function useInterview(id: string) {
  return useQuery({
    queryKey: interviewQueryKey(id),
    queryFn: ({ signal }) => requestApi(interviewPath(id), { schema: interviewSchema, signal }),
  });
}

/** Stores the interview a mutation answered with and marks the lists stale. */
function useStoreInterview() {
  const queryClient = useQueryClient();
  return async (interview: Interview) => {
    queryClient.setQueryData(interviewQueryKey(interview.id), interview);
    await queryClient.invalidateQueries({ queryKey: ['interviews', 'list'] });
  };
}

export function useCreateInterview() {
  const storeInterview = useStoreInterview();
  return useMutation({
    mutationFn: (input: CreateInterviewInput) =>
      requestApi('/interviews', { method: 'POST', body: input, schema: interviewSchema }),
    onSuccess: storeInterview,
  });
}

export function useUpdateInterview(id: string) {
  const storeInterview = useStoreInterview();
  return useMutation({
    mutationFn: (input: UpdateInterviewInput) =>
      requestApi(interviewPath(id), { method: 'PATCH', body: input, schema: interviewSchema }),
    onSuccess: storeInterview,
  });
}

export type InterviewAction = 'duplicate' | 'archive' | 'unarchive';

/** Duplicate answers with the new copy; archive and unarchive with the changed interview. */
export function useInterviewAction(id: string) {
  const storeInterview = useStoreInterview();
  return useMutation({
    mutationFn: (action: InterviewAction) =>
      requestApi(`${interviewPath(id)}/${action}`, { method: 'POST', schema: interviewSchema }),
    onSuccess: storeInterview,
  });
}

/** Uploads a logo file (its own type as Content-Type) or, given null, removes the logo. */
export function useInterviewLogo(interview: Interview) {
  const storeInterview = useStoreInterview();
  return useMutation({
    mutationFn: async (file: File | null): Promise<Interview> => {
      const logoPath = `${interviewPath(interview.id)}/logo`;
      if (file) return uploadBinary(logoPath, file, { schema: interviewSchema });
      await requestApi(logoPath, { method: 'DELETE' });
      return { ...interview, logoUrl: null };
    },
    onSuccess: storeInterview,
  });
}
