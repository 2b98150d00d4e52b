import { invitationStatuses } from '@oneway/shared';
import { useState } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
import { statusLabels } from '../invitations/invitationLabels.ts';
import { sortOptions, type DecisionFilter, type ReviewFilters, type ReviewSort } from './reviewSearch.ts';

const statusOptions = [
  { value: '', label: 'Any status' },
  ...invitationStatuses.map((s) => ({ value: s, label: statusLabels[s] })),
];
const decisionOptions = [
  { value: '', label: 'Any decision' },
  { value: 'none', label: 'No decision yet' },
  { value: 'advance', label: 'Advance' },
  { value: 'hold', label: 'Hold' },
  { value: 'reject', label: 'Reject' },
];
const minScoreOptions = [
  { value: '', label: 'Any score' },
  ...['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: `${v} or more` })),
];

interface ReviewFiltersFormProps {
  filters: ReviewFilters;
  onChange: (filters: ReviewFilters) => void;
  /** Search by name is refused while names are hidden from the viewer. */
  canSearch: boolean;
}

/** Status, decision, score and order apply at once; the search applies on submit. */
export function ReviewFiltersForm({ filters, onChange, canSearch }: ReviewFiltersFormProps) {
  const [q, setQ] = useState(filters.q);
  return (
    <div className="review-filters">
      {canSearch ? (
        <form
          role="search"
          className="search-row"
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ ...filters, q });
          }}
        >
          <label className="visually-hidden" htmlFor="review-search">
            Search by name or e-mail
          </label>
          <input
            id="review-search"
            type="search"
            className="input"
            placeholder="Search by name or e-mail"
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      ) : null}
      <div className="candidate-filters">
        <SelectField
          id="review-status"
          label="Status"
          options={statusOptions}
          value={filters.status}
          onChange={(event) =>
            onChange({ ...filters, status: event.target.value as ReviewFilters['status'] })
          }
        />
        <SelectField
          id="review-decision"
          label="Decision"
          options={decisionOptions}
          value={filters.decision}
          onChange={(event) => onChange({ ...filters, decision: event.target.value as DecisionFilter | '' })}
        />
        <SelectField
          id="review-min-score"
          label="Average score"
          options={minScoreOptions}
          value={filters.minScore}
          onChange={(event) => onChange({ ...filters, minScore: event.target.value })}
        />
        <SelectField
          id="review-sort"
          label="Sort by"
          options={sortOptions}
          value={filters.sort}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as ReviewSort })}
        />
      </div>
    </div>
  );
}
