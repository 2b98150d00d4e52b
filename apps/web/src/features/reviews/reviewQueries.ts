import {
  candidateReviewSchema,
  compareResultSchema,
  decisionDraftSchema,
  decisionSavedSchema,
  myRatingsSchema,
  reviewCommentSchema,
  reviewListSchema,
  type CandidateReview,
  type CreateCommentInput,
  type PutDecisionInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { requestApi } from '../../api/client.ts';
import { toApiQuery, type ReviewFilters } from './reviewSearch.ts';
import { overallKey, type SaveScore } from './useScoreAutosave.ts';

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
export const raterScoresCsvUrl = (interviewId: string) =>
  `/api/v1/interviews/${enc(interviewId)}/ratings-by-rater.csv`;

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

/** Asks every review query again, without waiting (after a score is saved, which may lift the blind). */
export function useRefreshReviews() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: reviewsQueryKey }), [queryClient]);
}

/**
 * Saves one of my scores of a candidate on its own. keepalive lets the request finish when the reviewer reloads or
 * leaves the page the moment after picking.
 */
export function saveMemberScore(invitationId: string): SaveScore {
  return (key, score) =>
    key === overallKey
      ? requestApi(`/invitations/${enc(invitationId)}/ratings/overall`, {
          method: 'PUT',
          body: { overall: score },
          schema: myRatingsSchema,
          keepalive: true,
        })
      : requestApi(`/invitations/${enc(invitationId)}/ratings/questions/${enc(key)}`, {
          method: 'PUT',
          body: { score },
          schema: myRatingsSchema,
          keepalive: true,
        });
}

/** Keeps my decision note as a draft on the server while I type (an empty note drops it). */
export function useSaveDecisionDraft(invitationId: string) {
  return useMutation({
    mutationFn: (note: string) =>
      requestApi(`/invitations/${enc(invitationId)}/decision-draft`, {
        method: 'PUT',
        body: { note },
        schema: decisionDraftSchema.nullable(),
        keepalive: true,
      }),
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
    meta: { sendsMail: true },
    mutationFn: (input: PutDecisionInput) =>
      requestApi(`/invitations/${enc(invitationId)}/decision`, {
        method: 'PUT',
        body: input,
        schema: decisionSavedSchema,
      }),
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
