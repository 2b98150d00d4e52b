import { organisationSchema, type Organisation, type SessionInfo } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { organisationQueryKey, sessionQueryKey } from '../../api/queryKeys.ts';

export function useOrganisation() {
  return useQuery({
    queryKey: organisationQueryKey,
    queryFn: ({ signal }) => requestApi('/organisation', { schema: organisationSchema, signal }),
  });
}

/** Renames the organisation and updates the name in the header straight away. */
export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) =>
      requestApi('/organisation', { method: 'PATCH', body: input, schema: organisationSchema }),
    onSuccess: (organisation: Organisation) => {
      queryClient.setQueryData(organisationQueryKey, organisation);
      queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, (session) =>
        session ? { ...session, organisation } : session,
      );
    },
  });
}
