import {
  candidateReviewSchema,
  compareResultSchema,
  myRatingsSchema,
  reviewCommentSchema,
  reviewListSchema,
  type CandidateReview,
  type CreateCommentInput,
  type PutDecisionInput,
  type PutRatingsInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { toApiQuery, type ReviewFilters } from './reviewSearch.ts';

/** Every review query starts with this key, so one invalidation refreshes lists, candidates and comparisons. */
export const reviewsQueryKey = ['reviews'] as const;

const enc = encodeURIComponent;

export const reviewListPath = (interviewId: string) => `/interviews/${enc(interviewId)}/review`;
export const reviewCandidatePath = (interviewId: string, invitationId: string, search = '') =>
  `/interviews/${enc(interviewId)}/review/${enc(invitationId)}${search}`;
export function comparePath(interviewId: string, questionId: string, ids: readonly string[]): string {
  const params = new URLSearchParams({ ids: ids.join(',') });
  if (questionId) params.set('questionId', questionId);
  return `/interviews/${enc(interviewId)}/compare?${params.toString()}`;
}
export const resultsCsvUrl = (interviewId: string) => `/api/v1/interviews/${enc(interviewId)}/results.csv`;

export function useReviewList(interviewId: string, filters: ReviewFilters) {
  const query = toApiQuery(filters, true);
  return useQuery({
    queryKey: [...reviewsQueryKey, 'list', interviewId, query],
    queryFn: ({ signal }) =>
      requestApi(`/interviews/${enc(interviewId)}/reviews?${query}&pageSize=200`, {
        schema: reviewListSchema,
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** True while any answer is still being processed, so the page checks again on its own. */
function isProcessing(data: CandidateReview | undefined): boolean {
  return Boolean(
    data?.questions.some(
      (q) => q.answer?.kind === 'take' && ['queued', 'processing', 'missing'].includes(q.answer.media.status),
    ),
  );
}

export function useCandidateReview(invitationId: string, filters: ReviewFilters) {
  const query = toApiQuery(filters, false);
  return useQuery({
    queryKey: [...reviewsQueryKey, 'candidate', invitationId, query],
    queryFn: ({ signal }) =>
      requestApi(`/invitations/${enc(invitationId)}/review?${query}`, {
        schema: candidateReviewSchema,
        signal,
      }),
    refetchInterval: (q) => (isProcessing(q.state.data) ? 5000 : false),
  });
}

function useInvalidateReviews() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reviewsQueryKey });
}

export function useSaveRatings(invitationId: string) {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (input: PutRatingsInput) =>
      requestApi(`/invitations/${enc(invitationId)}/ratings`, {
        method: 'PUT',
        body: input,
        schema: myRatingsSchema,
      }),
    onSuccess: invalidate,
  });
}

export function useAddComment(invitationId: string) {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (input: CreateCommentInput) =>
      requestApi(`/invitations/${enc(invitationId)}/comments`, {
        method: 'POST',
        body: input,
        schema: reviewCommentSchema,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteComment() {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (commentId: string) => requestApi(`/comments/${enc(commentId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useDecide(invitationId: string) {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (input: PutDecisionInput) =>
      requestApi(`/invitations/${enc(invitationId)}/decision`, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  });
}

export function useCompare(interviewId: string, questionId: string, ids: readonly string[]) {
  const query = new URLSearchParams({ questionId, invitationIds: ids.join(',') }).toString();
  return useQuery({
    queryKey: [...reviewsQueryKey, 'compare', interviewId, query],
    queryFn: ({ signal }) =>
      requestApi(`/interviews/${enc(interviewId)}/compare?${query}`, { schema: compareResultSchema, signal }),
    enabled: questionId !== '' && ids.length > 0,
  });
}
