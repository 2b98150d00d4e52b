import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { useHome } from '../home/useHome.ts';
import { InterviewList } from './InterviewList.tsx';
import { useInterviews, type InterviewListStatus } from './interviewQueries.ts';
import { canEditInterviews } from './permissions.ts';

const filters: { status: InterviewListStatus; label: string }[] = [
  { status: 'active', label: 'Active' },
  { status: 'archived', label: 'Archived' },
];

/** The organisation's interviews, active or archived, with their questions and candidates counted. */
export function InterviewsPage() {
  const headingRef = usePageHeading('Interviews');
  const canEdit = canEditInterviews(useSignedInSession());
  const [searchParams] = useSearchParams();
  const status: InterviewListStatus = searchParams.get('status') === 'archived' ? 'archived' : 'active';
  const interviews = useInterviews(status);
  const home = useHome();
  const toReview = new Map(home.data?.toReview.interviews.map((i) => [i.interviewId, i.toReview]) ?? []);

  return (
    <div className="page page--wide">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Interviews
        </h1>
        {canEdit ? (
          <Link to="/interviews/new" className="button button--primary">
            New interview
          </Link>
        ) : null}
      </div>
      <nav className="filter-tabs" aria-label="Filter interviews">
        <ul className="filter-tabs__list">
          {filters.map((filter) => (
            <li key={filter.status}>
              <Link
                to={filter.status === 'active' ? '/interviews' : '/interviews?status=archived'}
                className="filter-tabs__link"
                aria-current={filter.status === status ? 'page' : undefined}
              >
                {filter.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {interviews.isPending ? (
        <Loading />
      ) : interviews.isError ? (
        <ErrorMessage error={interviews.error} />
      ) : interviews.data.length === 0 ? (
        <EmptyState status={status} canEdit={canEdit} />
      ) : (
        <InterviewList interviews={interviews.data} toReview={toReview} />
      )}
    </div>
  );
}

function EmptyState({ status, canEdit }: { status: InterviewListStatus; canEdit: boolean }) {
  if (status === 'archived') {
    return (
      <div className="panel empty-state">
        <h2>No archived interviews</h2>
        <p>Interviews you archive are kept here, with their answers, until you bring them back.</p>
      </div>
    );
  }
  if (!canEdit) {
    return (
      <div className="panel empty-state">
        <h2>No interviews for you to review yet</h2>
        <p>
          Interviews show here once an owner or admin adds you to their reviewers. You will find the answers
          waiting for you on your home page.
        </p>
      </div>
    );
  }
  return (
    <div className="panel empty-state">
      <h2>Create your first interview</h2>
      <p>Write the questions once, set the time rules, and invite candidates to answer when it suits them.</p>
      <p className="empty-state__action">
        <Link to="/interviews/new" className="button button--primary">
          Create an interview
        </Link>
      </p>
    </div>
  );
}
