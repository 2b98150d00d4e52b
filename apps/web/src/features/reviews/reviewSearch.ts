import { invitationStatusSchema, reviewSorts, type InvitationStatus } from '@oneway/shared';

export type ReviewSort = (typeof reviewSorts)[number];
export type DecisionFilter = 'advance' | 'hold' | 'reject' | 'none';

/** The review list's filters and order, kept in the address so previous/next and the back button follow them. */
export interface ReviewFilters {
  status: InvitationStatus | '';
  decision: DecisionFilter | '';
  minScore: string;
  q: string;
  sort: ReviewSort;
}

const decisions: readonly string[] = ['advance', 'hold', 'reject', 'none'];
const minScores: readonly string[] = ['1', '2', '3', '4', '5'];

export const sortOptions: { value: ReviewSort; label: string }[] = [
  { value: '-completed', label: 'Completed, newest first' },
  { value: 'completed', label: 'Completed, oldest first' },
  { value: '-score', label: 'Average score, highest first' },
  { value: 'score', label: 'Average score, lowest first' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
];

/** Reads the filters from the address, ignoring values the API would refuse. */
export function readFilters(params: URLSearchParams): ReviewFilters {
  const status = invitationStatusSchema.safeParse(params.get('status'));
  const decision = params.get('decision') ?? '';
  const minScore = params.get('minScore') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    status: status.success ? status.data : '',
    decision: decisions.includes(decision) ? (decision as DecisionFilter) : '',
    minScore: minScores.includes(minScore) ? minScore : '',
    q: params.get('q') ?? '',
    sort: (reviewSorts as readonly string[]).includes(sort) ? (sort as ReviewSort) : '-completed',
  };
}

/** The filters as address parameters, leaving out defaults. */
export function toSearchParams(filters: ReviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.decision) params.set('decision', filters.decision);
  if (filters.minScore) params.set('minScore', filters.minScore);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== '-completed') params.set('sort', filters.sort);
  return params;
}

/** The API's query string; the candidate page's neighbours follow the order and filters but not the status. */
export function toApiQuery(filters: ReviewFilters, withStatus: boolean): string {
  const params = toSearchParams(filters);
  params.set('sort', filters.sort);
  if (!withStatus) params.delete('status');
  return params.toString();
}

/** `?…` for links between the list and candidates, or an empty string. */
export function toSearch(filters: ReviewFilters): string {
  const query = toSearchParams(filters).toString();
  return query ? `?${query}` : '';
}
