import { invitationSorts, invitationStatusSchema } from '@oneway/shared';
import { useSearchParams } from 'react-router';
import { toSearchParams, type InvitationFilters, type InvitationSort } from './invitationQueries.ts';

const isSort = (value: string | null): value is InvitationSort =>
  (invitationSorts as readonly (string | null)[]).includes(value);

/** The list's status, search and sort, kept in the address so they survive a reload and can be shared. */
export function useCandidateFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = invitationStatusSchema.safeParse(searchParams.get('status'));
  const sort = searchParams.get('sort');
  const filters: InvitationFilters = {
    status: status.success ? status.data : null,
    q: searchParams.get('q') ?? '',
    sort: isSort(sort) ? sort : '-invited',
  };

  function setFilters(change: Partial<InvitationFilters>) {
    setSearchParams(toSearchParams({ ...filters, ...change }), { replace: true });
  }

  return { filters, setFilters };
}
