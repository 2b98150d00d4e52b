import type { Interview } from '@oneway/shared';
import { Link } from 'react-router';
import { interviewPath } from './interviewQueries.ts';

/**
 * Where the interview page leads to its candidates. The invitations feature owns
 * /interviews/:id/candidates and may grow this section (counts, latest activity) from there.
 */
export function CandidatesSection({ interview }: { interview: Interview }) {
  return (
    <section className="panel" aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">Candidates</h2>
      <p>Invite candidates, follow their progress, send reminders and extend deadlines.</p>
      <p className="section-link">
        <Link to={`${interviewPath(interview.id)}/candidates`}>Go to candidates</Link>
      </p>
    </section>
  );
}
