import type { Home } from '@oneway/shared';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { usePageHeading } from '../../hooks/usePageHeading.ts';
import { formatDateTime } from '../../lib/formatDate.ts';
import { useSignedInSession } from '../auth/useSession.ts';
import { plural } from '../interviews/format/durations.ts';
import { candidatePath } from '../invitations/invitationQueries.ts';
import { reviewCandidatePath, reviewListPath } from '../reviews/reviewQueries.ts';
import { useHome } from './useHome.ts';
import './home.css';

/** /: the signed-in landing page with the day's work across interviews. */
export function HomePage() {
  const headingRef = usePageHeading('Home');
  const session = useSignedInSession();
  const home = useHome();
  return (
    <div className="page page--wide home-page">
      <h1 ref={headingRef} tabIndex={-1}>
        Home
      </h1>
      <p className="lead">What waits for you today in {session.organisation.name}.</p>
      {home.isPending ? (
        <Loading />
      ) : home.isError ? (
        <ErrorMessage error={home.error} />
      ) : (
        <div className="home-grid">
          <ToReview data={home.data.toReview} />
          {home.data.requests ? <Requests pending={home.data.requests.pending} /> : null}
          {home.data.expiringSoon ? <Expiring data={home.data.expiringSoon} /> : null}
          {home.data.processing ? <Processing data={home.data.processing} /> : null}
        </div>
      )}
    </div>
  );
}

function ToReview({ data }: { data: Home['toReview'] }) {
  return (
    <section className="panel home-panel home-panel--wide" aria-labelledby="home-review-heading">
      <h2 id="home-review-heading">Waiting for your review ({data.total})</h2>
      {data.total === 0 ? (
        <p className="muted">Nothing waits for your review: every completed candidate has your rating.</p>
      ) : (
        <>
          <ul className="home-counts">
            {data.interviews.map((i) => (
              <li key={i.interviewId}>
                <Link to={reviewListPath(i.interviewId)}>
                  {i.title}: {i.toReview} to review
                </Link>
              </li>
            ))}
          </ul>
          <h3 className="home-subheading">Longest waiting first</h3>
          <ul className="home-list">
            {data.candidates.map((c) => (
              <li key={c.invitationId}>
                <Link to={reviewCandidatePath(c.interviewId, c.invitationId)}>{c.name}</Link>
                <span className="muted">
                  {' '}
                  · {c.interviewTitle} · completed{' '}
                  <time dateTime={c.completedAt}>{formatDateTime(c.completedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
          {data.total > data.candidates.length ? (
            <p className="hint">
              {plural(data.total - data.candidates.length, 'more candidate waits', 'more candidates wait')}:
              open an interview above to see them all.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function Requests({ pending }: { pending: number }) {
  return (
    <section className="panel home-panel" aria-labelledby="home-requests-heading">
      <h2 id="home-requests-heading">Requests waiting ({pending})</h2>
      {pending === 0 ? (
        <p className="muted">No requests from candidates wait for a decision.</p>
      ) : (
        <p>
          {plural(pending, 'candidate asks', 'candidates ask')} for more time or an accommodation.{' '}
          <Link to="/requests">Decide on {pending === 1 ? 'it' : 'them'}</Link>
        </p>
      )}
    </section>
  );
}

function Expiring({ data }: { data: NonNullable<Home['expiringSoon']> }) {
  return (
    <section className="panel home-panel" aria-labelledby="home-expiring-heading">
      <h2 id="home-expiring-heading">About to expire ({data.total})</h2>
      <p className="hint">Invitations not completed whose deadline is within 48 hours.</p>
      {data.total === 0 ? (
        <p className="muted">No invitation expires in the next 48 hours.</p>
      ) : (
        <ul className="home-list">
          {data.invitations.map((i) => (
            <li key={i.invitationId}>
              <Link to={candidatePath(i.interviewId, i.invitationId)}>{i.name}</Link>
              <span className="muted">
                {' '}
                · {i.interviewTitle} · until <time dateTime={i.deadline}>{formatDateTime(i.deadline)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Processing({ data }: { data: NonNullable<Home['processing']> }) {
  const problems = data.failed + data.stuck;
  return (
    <section className="panel home-panel" aria-labelledby="home-processing-heading">
      <h2 id="home-processing-heading">Processing problems ({problems})</h2>
      {problems === 0 ? (
        <p className="muted">Every recording has been processed or is on its way.</p>
      ) : (
        <p>
          {data.failed} failed and {data.stuck} stuck. <Link to="/processing">See and retry them</Link>
        </p>
      )}
    </section>
  );
}
