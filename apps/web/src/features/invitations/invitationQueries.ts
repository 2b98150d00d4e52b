import {
  invitationDetailSchema,
  invitationListSchema,
  type InvitationStatus,
  type ListInvitationsQuery,
} from '@oneway/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

export type InvitationSort = ListInvitationsQuery['sort'];

/** What the candidates list shows: a status, a search and an order. */
export interface InvitationFilters {
  status: InvitationStatus | null;
  q: string;
  sort: InvitationSort;
}

/**
 * Every invitation query starts with this key; the request decisions of the candidate requests feature
 * invalidate it too, so deadlines and markers stay current.
 */
export const invitationsRootKey = ['invitations'] as const;
export const invitationListKey = (interviewId: string, filters: InvitationFilters) =>
  ['invitations', 'list', interviewId, filters] as const;
export const invitationDetailKey = (id: string) => ['invitations', 'detail', id] as const;

export const candidatesPath = (interviewId: string) =>
  `/interviews/${encodeURIComponent(interviewId)}/candidates`;
export const candidatePath = (interviewId: string, invitationId: string) =>
  `${candidatesPath(interviewId)}/${encodeURIComponent(invitationId)}`;

/** The filters as query string parameters, without the ones left at their defaults. */
export function toSearchParams(filters: Partial<InvitationFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.sort && filters.sort !== '-invited') params.set('sort', filters.sort);
  return params;
}

/** Every invitation of an interview, newest first: one cached list for the pages that count them. */
export const allCandidates = { status: null, q: '', sort: '-invited' } as const;

export function useInvitations(interviewId: string, filters: InvitationFilters) {
  return useQuery({
    queryKey: invitationListKey(interviewId, filters),
    queryFn: ({ signal }) => {
      const query = toSearchParams(filters).toString();
      return requestApi(`/interviews/${encodeURIComponent(interviewId)}/invitations?${query}`, {
        schema: invitationListSchema,
        signal,
      });
    },
    select: (data) => data.invitations,
    // Keep the rows on screen while a new filter loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useInvitation(id: string) {
  return useQuery({
    queryKey: invitationDetailKey(id),
    queryFn: ({ signal }) =>
      requestApi(`/invitations/${encodeURIComponent(id)}`, { schema: invitationDetailSchema, signal }),
  });
}

/** The CSV download of the list as filtered now (sorting does not apply to the export). */
export function exportCsvHref(interviewId: string, filters: InvitationFilters): string {
  const query = toSearchParams({ status: filters.status, q: filters.q }).toString();
  return `/api/v1/interviews/${encodeURIComponent(interviewId)}/invitations/export.csv${query ? `?${query}` : ''}`;
}
