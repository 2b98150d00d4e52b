import { outboxMessageSchema } from '@oneway/shared';
import { useQuery } from '@tanstack/react-query';
import { listOf, requestApi } from '../../api/client.ts';
import { outboxQueryKey } from '../../api/queryKeys.ts';

const outboxResponse = listOf('messages', outboxMessageSchema);

/** E-mails the server stored or sent; owners and admins only. */
export function useOutbox(enabled: boolean) {
  return useQuery({
    queryKey: outboxQueryKey,
    queryFn: ({ signal }) => requestApi('/outbox', { schema: outboxResponse, signal }),
    select: (data) => data.messages,
    enabled,
  });
}
