import { invitationStatuses, type Interview, type InterviewCounts } from '@oneway/shared';
import { Link } from 'react-router';
import { allCandidates, candidatesPath, useInvitations } from '../invitations/invitationQueries.ts';
import { InterviewCountList } from './InterviewList.tsx';

/** Where the interview page leads to its candidates, with how many there are per status. */
export function CandidatesSection({ interview }: { interview: Interview }) {
  // The same query as the candidates page's first view, so following the link shows the list at once.
  const invitations = useInvitations(interview.id, allCandidates);
  const counts = Object.fromEntries(invitationStatuses.map((s) => [s, 0])) as InterviewCounts;
  for (const invitation of invitations.data ?? []) counts[invitation.status] += 1;
  return (
    <section className="panel" aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">Candidates</h2>
      <p>Invite candidates, follow their progress, send reminders and extend deadlines.</p>
      {invitations.data ? <InterviewCountList counts={counts} /> : null}
      <p className="section-link">
        <Link to={candidatesPath(interview.id)}>Go to candidates</Link>
      </p>
    </section>
  );
}
