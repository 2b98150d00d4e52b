import type { Invitation } from '@oneway/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { sortOptions } from './CandidateFilters.tsx';
import { candidatePath, type InvitationSort } from './invitationQueries.ts';
import { InvitationStatusBadge } from './InvitationStatusBadge.tsx';

interface CandidateTableProps {
  interviewId: string;
  invitations: Invitation[];
  sort: InvitationSort;
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  feedback: Feedback;
}

/** A link still works for the candidate: not completed, withdrawn or past its deadline. */
const canCopyLink = (invitation: Invitation): boolean =>
  ['invited', 'opened', 'started'].includes(invitation.status) &&
  Date.parse(invitation.deadline) > Date.now();

type SortableColumn = 'name' | 'status' | 'deadline' | 'last_activity';

function ariaSort(column: SortableColumn, sort: InvitationSort): 'ascending' | 'descending' | undefined {
  if (sort === column) return 'ascending';
  if (sort === `-${column}`) return 'descending';
  return undefined;
}

/** The candidates with a checkbox each; the name leads to the candidate's page. Cards on narrow screens. */
export function CandidateTable(props: CandidateTableProps) {
  const { interviewId, invitations, sort, selected, onToggle, onToggleAll } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const selectedCount = invitations.filter((i) => selected.has(i.id)).length;
  const allSelected = invitations.length > 0 && selectedCount === invitations.length;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selectedCount > 0 && !allSelected;
  }, [selectedCount, allSelected]);

  const sortLabel = sortOptions.find((o) => o.value === sort)?.label ?? '';
  return (
    <table className="candidate-table">
      <caption className="visually-hidden">Candidates, sorted by {sortLabel.toLowerCase()}</caption>
      <thead>
        <tr>
          <td className="candidate-table__check">
            <input
              ref={allRef}
              type="checkbox"
              className="checkbox"
              aria-label="Select all candidates shown"
              checked={allSelected}
              onChange={(event) => onToggleAll(event.target.checked)}
            />
          </td>
          <th scope="col" aria-sort={ariaSort('name', sort)}>
            Name
          </th>
          <th scope="col">E-mail</th>
          <th scope="col" aria-sort={ariaSort('status', sort)}>
            Status
          </th>
          <th scope="col" aria-sort={ariaSort('deadline', sort)}>
            Deadline
          </th>
          <th scope="col" aria-sort={ariaSort('last_activity', sort)}>
            Last activity
          </th>
          <th scope="col">Notes</th>
          <th scope="col">Link</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id} className={selected.has(invitation.id) ? 'is-selected' : undefined}>
            <td className="candidate-table__check">
              <input
                type="checkbox"
                className="checkbox"
                aria-label={`Select ${invitation.name}`}
                checked={selected.has(invitation.id)}
                onChange={(event) => onToggle(invitation.id, event.target.checked)}
              />
            </td>
            <th scope="row" className="candidate-table__name">
              <Link to={candidatePath(interviewId, invitation.id)}>{invitation.name}</Link>
              {invitation.externalId ? (
                <span className="candidate-table__sub">ID {invitation.externalId}</span>
              ) : null}
            </th>
            <td data-label="E-mail" className="break-anywhere">
              {invitation.email}
            </td>
            <td data-label="Status">
              <InvitationStatusBadge status={invitation.status} />
            </td>
            <td data-label="Deadline">
              <time dateTime={invitation.deadline}>{formatDateTime(invitation.deadline)}</time>
            </td>
            <td data-label="Last activity">
              <time dateTime={invitation.lastActivityAt}>{formatDateTime(invitation.lastActivityAt)}</time>
            </td>
            <td data-label="Notes">
              <CandidateMarkers invitation={invitation} />
            </td>
            <td data-label="Link">
              {canCopyLink(invitation) ? (
                <CopyLinkButton invitation={invitation} feedback={props.feedback} />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CandidateMarkers({ invitation }: { invitation: Invitation }) {
  const pending = invitation.pendingRequestCount;
  if (!invitation.hasAccommodations && pending === 0) return null;
  return (
    <span className="markers">
      {invitation.hasAccommodations ? <span className="marker">Accommodations</span> : null}
      {pending > 0 ? (
        <span className="marker marker--attention">
          {pending === 1 ? 'Request waiting' : `${pending} requests waiting`}
        </span>
      ) : null}
    </span>
  );
}
