import { invitationSorts, invitationStatusSchema } from '@oneway/shared';
import { useSearchParams } from 'react-router';
import { toSearchParams, type InvitationFilters, type InvitationSort } from './invitationQueries.ts';

const isSort = (value: string | null): value is InvitationSort =>
  (invitationSorts as readonly (string | null)[]).includes(value);

function readFilters(searchParams: URLSearchParams): InvitationFilters {
  const status = invitationStatusSchema.safeParse(searchParams.get('status'));
  const sort = searchParams.get('sort');
  return {
    status: status.success ? status.data : null,
    q: searchParams.get('q') ?? '',
    sort: isSort(sort) ? sort : '-invited',
  };
}

/** The list's status, search and sort, kept in the address so they survive a reload and can be shared. */
export function useCandidateFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  // Built on the address as it is now, not as it was at the last render: two changes in quick succession
  // (clearing the search, then choosing an order) must both stick.
  function setFilters(change: Partial<InvitationFilters>) {
    setSearchParams((current) => toSearchParams({ ...readFilters(current), ...change }), { replace: true });
  }

  return { filters: readFilters(searchParams), setFilters };
}
