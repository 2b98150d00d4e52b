import { invitationEventTypes, type InvitationTimelineEvent } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { describeEvent } from './invitationLabels.ts';

/** Everything that happened to the invitation, newest first. */
export function CandidateTimeline({ events }: { events: InvitationTimelineEvent[] }) {
  // Events of the same moment (sent and delivered) keep their lifecycle order, which the type list follows.
  const rank = (e: InvitationTimelineEvent) => invitationEventTypes.indexOf(e.type);
  const newestFirst = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || rank(b) - rank(a));
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {newestFirst.length === 0 ? (
        <p className="empty">Nothing has happened yet.</p>
      ) : (
        <ol className="timeline" aria-label="Events, newest first">
          {newestFirst.map((event) => (
            <li key={event.id} className={`timeline__item timeline__item--${event.type}`}>
              <span className="timeline__what">{describeEvent(event)}</span>
              <time className="timeline__when" dateTime={event.createdAt}>
                {formatDateTime(event.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
