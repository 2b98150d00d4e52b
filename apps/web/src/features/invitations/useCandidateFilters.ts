import { invitationSorts, invitationStatusSchema } from '@oneway/shared';
import { useEffect, useRef } from 'react';
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
  // The address as this hook last set it, not as it was at the last render: two changes in quick succession
  // (clearing the search, then choosing an order) must both stick. The router's own functional update is handed
  // the address of the last render, so the second change used to bring the cleared search back.
  const latest = useRef(searchParams);
  useEffect(() => {
    latest.current = searchParams;
  }, [searchParams]);

  function setFilters(change: Partial<InvitationFilters>) {
    const next = toSearchParams({ ...readFilters(latest.current), ...change });
    latest.current = next;
    setSearchParams(next, { replace: true });
  }

  return { filters: readFilters(searchParams), setFilters };
}
