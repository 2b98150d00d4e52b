import type { InvitationDetail } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import { getBrowserTimeZone } from '../interviews/format/timeZones.ts';
import { describeAccommodations } from './invitationLabels.ts';

const zoneName = (zone: string) => zone.replaceAll('_', ' ');

/** The deadline on the reader's clock, and on the candidate's when their browser has told us theirs. */
function DeadlineValue({ invitation }: { invitation: InvitationDetail }) {
  const zone = invitation.candidateTimeZone;
  const own = getBrowserTimeZone();
  return (
    <>
      <time dateTime={invitation.deadline}>{formatDateTime(invitation.deadline)}</time>{' '}
      <span className="muted">({zoneName(own)})</span>
      {zone && zone !== own ? (
        <span className="muted block">
          The candidate&apos;s time:{' '}
          {new Intl.DateTimeFormat(undefined, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: zone,
          }).format(new Date(invitation.deadline))}{' '}
          ({zoneName(zone)})
        </span>
      ) : null}
    </>
  );
}

/** Contact details, the deadline and the moments that mark progress, as a definition list. */
export function CandidateOverview({ invitation }: { invitation: InvitationDetail }) {
  const moment = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : null);
  const rows = [
    { term: 'Deadline', value: <DeadlineValue invitation={invitation} /> },
    { term: 'Phone', value: invitation.phone },
    { term: 'External ID', value: invitation.externalId },
    { term: 'Invited', value: moment(invitation.invitedAt) },
    { term: 'Opened', value: moment(invitation.openedAt) },
    { term: 'Started', value: moment(invitation.startedAt) },
    { term: 'Completed', value: moment(invitation.completedAt) },
    { term: 'Withdrawn', value: moment(invitation.withdrawnAt) },
    { term: 'Expired', value: moment(invitation.expiredAt) },
    { term: 'Last activity', value: moment(invitation.lastActivityAt) },
    {
      term: 'Extensions granted',
      value: invitation.extensionsGranted > 0 ? String(invitation.extensionsGranted) : null,
    },
    { term: 'Accommodations', value: describeAccommodations(invitation.accommodations) },
  ];
  return (
    <section className="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      <dl className="details-list details-list--columns">
        {rows
          .filter((row) => row.value !== null)
          .map((row) => (
            <div key={row.term}>
              <dt>{row.term}</dt>
              <dd className="break-anywhere">{row.value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
