import { apiKeySchema, createdApiKeySchema, type CreateApiKeyInput } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf, requestApi } from '../../api/client.ts';

export const apiKeysQueryKey = ['api-keys'] as const;
const apiKeysResponse = listOf('apiKeys', apiKeySchema);

/** The organisation's API keys; only owners and admins may list them. */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysQueryKey,
    queryFn: ({ signal }) => requestApi('/api-keys', { schema: apiKeysResponse, signal }),
    select: (data) => data.apiKeys,
  });
}

function useApiKeyMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

/** Creates a key; the answer is the only place the whole key ever appears. */
export function useCreateApiKey() {
  return useApiKeyMutation((input: CreateApiKeyInput) =>
    requestApi('/api-keys', { method: 'POST', body: input, schema: createdApiKeySchema }),
  );
}

export function useRevokeApiKey() {
  return useApiKeyMutation((id: string) =>
    requestApi(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
}
