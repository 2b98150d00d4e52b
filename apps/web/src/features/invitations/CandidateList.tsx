import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { plural } from '../interviews/format/durations.ts';
import { getBrowserTimeZone } from '../interviews/format/timeZones.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { BulkActions } from './BulkActions.tsx';
import { CandidateFilters } from './CandidateFilters.tsx';
import { CandidateTable } from './CandidateTable.tsx';
import { exportCsvHref, useInvitations } from './invitationQueries.ts';
import { useCandidateFilters } from './useCandidateFilters.ts';

/** The filterable, sortable list of an interview's candidates, with bulk actions on the selected ones. */
export function CandidateList({ interviewId, feedback }: { interviewId: string; feedback: Feedback }) {
  const { filters, setFilters } = useCandidateFilters();
  const invitations = useInvitations(interviewId, filters);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const rows = invitations.data ?? [];
  // Only rows on screen count as selected: a filter change must not act on candidates the user cannot see.
  const selected = rows.filter((row) => selectedIds.has(row.id));
  const isFiltered = filters.status !== null || filters.q !== '';

  function toggle(id: string, checked: boolean) {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <section className="panel" aria-labelledby="candidate-list-heading">
      <div className="section-header">
        <h2 id="candidate-list-heading">Candidates</h2>
        <a className="button button--small" href={exportCsvHref(interviewId, filters)} download>
          Export CSV
        </a>
      </div>
      <CandidateFilters filters={filters} onChange={setFilters} />
      <div className="list-meta">
        <p role="status">
          {invitations.data
            ? `${plural(rows.length, 'candidate', 'candidates')}${isFiltered ? ' match' : ''}`
            : null}
        </p>
        <p>Times are in your time zone ({getBrowserTimeZone().replaceAll('_', ' ')}).</p>
      </div>
      {invitations.isPending ? (
        <Loading label="Loading candidates…" />
      ) : invitations.isError ? (
        <ErrorMessage error={invitations.error} />
      ) : rows.length === 0 ? (
        <p className="empty">
          {isFiltered
            ? 'No candidates match. Try another status or search.'
            : 'No candidates yet. Invite one below, or import many from a CSV file.'}
        </p>
      ) : (
        <>
          <BulkActions
            interviewId={interviewId}
            selected={selected}
            feedback={feedback}
            onDone={() => setSelectedIds(new Set())}
          />
          <CandidateTable
            interviewId={interviewId}
            invitations={rows}
            sort={filters.sort}
            selected={selectedIds}
            onToggle={toggle}
            onToggleAll={(checked) => setSelectedIds(new Set(checked ? rows.map((r) => r.id) : []))}
            feedback={feedback}
          />
        </>
      )}
    </section>
  );
}
