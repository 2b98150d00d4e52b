import { createdShareLinkSchema, shareLinkListSchema, type CreateShareLinkInput } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

const shareLinksKey = (interviewId: string) => ['share-links', interviewId] as const;

export function useShareLinks(interviewId: string, enabled: boolean) {
  return useQuery({
    queryKey: shareLinksKey(interviewId),
    queryFn: ({ signal }) =>
      requestApi(`/interviews/${encodeURIComponent(interviewId)}/share-links`, {
        schema: shareLinkListSchema,
        signal,
      }),
    select: (data) => data.shareLinks,
    enabled,
  });
}

export function useCreateShareLink(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateShareLinkInput) =>
      requestApi('/share-links', { method: 'POST', body: input, schema: createdShareLinkSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinksKey(interviewId) }),
  });
}

export function useRevokeShareLink(interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestApi(`/share-links/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinksKey(interviewId) }),
  });
}
