import { memberSchema, type Role } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf, requestApi } from '../../api/client.ts';
import { membersQueryKey } from '../../api/queryKeys.ts';

const membersResponse = listOf('members', memberSchema);

export function useMembers() {
  return useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => requestApi('/members', { schema: membersResponse, signal }),
    select: (data) => data.members,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      requestApi(`/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey, exact: true }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      requestApi(`/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey, exact: true }),
  });
}
