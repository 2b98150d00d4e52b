import { invitationStatuses } from '@oneway/shared';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
import { statusLabels } from './invitationLabels.ts';
import type { InvitationFilters, InvitationSort } from './invitationQueries.ts';

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...invitationStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
];

export const sortOptions: { value: InvitationSort; label: string }[] = [
  { value: '-invited', label: 'Newest invitations first' },
  { value: 'invited', label: 'Oldest invitations first' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: 'deadline', label: 'Deadline, soonest first' },
  { value: '-deadline', label: 'Deadline, latest first' },
  { value: '-last_activity', label: 'Latest activity first' },
  { value: 'last_activity', label: 'Oldest activity first' },
  { value: 'status', label: 'Status' },
];

interface CandidateFiltersProps {
  filters: InvitationFilters;
  onChange: (change: Partial<InvitationFilters>) => void;
}

/** Status filter, search by name or e-mail, and order; the search runs on Enter or the Search button. */
export function CandidateFilters({ filters, onChange }: CandidateFiltersProps) {
  const [q, setQ] = useState(filters.q);

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    onChange({ q });
  }

  return (
    <div className="candidate-filters">
      <form role="search" className="candidate-filters__search" onSubmit={handleSearch}>
        <div className="field">
          <label className="field__label" htmlFor="candidate-search">
            Search candidates
          </label>
          <div className="search-row">
            <input
              id="candidate-search"
              type="search"
              className="input"
              value={q}
              placeholder="Name or e-mail"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => {
                setQ(event.target.value);
                // Clearing the box (or its ✕) shows everyone again without another click.
                if (event.target.value === '' && filters.q) onChange({ q: '' });
              }}
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
      </form>
      <SelectField
        id="candidate-status"
        label="Status"
        value={filters.status ?? ''}
        options={statusOptions}
        onChange={(event) => {
          const status = invitationStatuses.find((s) => s === event.target.value) ?? null;
          onChange({ status });
        }}
      />
      <SelectField
        id="candidate-sort"
        label="Sort by"
        value={filters.sort}
        options={sortOptions}
        onChange={(event) => {
          const sort = sortOptions.find((o) => o.value === event.target.value)?.value;
          if (sort) onChange({ sort });
        }}
      />
    </div>
  );
}
