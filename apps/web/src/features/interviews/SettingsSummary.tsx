import type { Interview } from '@oneway/shared';
import { Link } from 'react-router';
import { formatDuration, plural } from './format/durations.ts';
import { describeThinkTime } from './format/questionLabels.ts';
import { formatZonedDateTime } from './format/timeZones.ts';
import { interviewPath } from './interviewQueries.ts';

const languageNames: Record<Interview['language'], string> = { en: 'English', es: 'Español' };
const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

function describeDeadline(policy: Interview['deadlinePolicy']): string {
  if (policy.mode === 'relative') return `${plural(policy.days, 'day', 'days')} after each invitation`;
  return formatZonedDateTime(policy.at, policy.timeZone);
}

function describeReminders(hours: number[]): string {
  if (hours.length === 0) return 'None';
  return `${listFormat.format(hours.map(String))} hours before the deadline`;
}

function describePractice({ practiceQuestion: p }: Interview): string {
  if (!p.enabled) return 'Off';
  return `On: ${describeThinkTime(p.think).toLowerCase()} think time, ${formatDuration(p.answerSeconds)} to answer`;
}

function describeAutoExtension({ autoExtension: a }: Interview): string {
  if (a.maxDays === 0 || a.maxTimes === 0) return 'Off: you approve each request';
  return `Up to ${plural(a.maxDays, 'day', 'days')}, ${plural(a.maxTimes, 'time', 'times')} per candidate`;
}

/** The interview's settings in words, with a way to change them. */
export function SettingsSummary({ interview, canEdit }: { interview: Interview; canEdit: boolean }) {
  const rows = [
    { term: 'Deadline', value: describeDeadline(interview.deadlinePolicy) },
    { term: 'Reminders', value: describeReminders(interview.reminderHours) },
    { term: 'Practice question', value: describePractice(interview) },
    { term: 'Automatic extensions', value: describeAutoExtension(interview) },
    { term: 'Language', value: languageNames[interview.language] },
    {
      term: "Other reviewers' ratings",
      value: interview.ratingsHiddenUntilRated ? 'Hidden until you rate' : 'Shown',
    },
    { term: 'Anonymised review', value: interview.anonymisedReview ? 'On' : 'Off' },
  ];
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <dl className="details-list details-list--compact">
        {rows.map((row) => (
          <div key={row.term}>
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
        {interview.accentColour ? (
          <div>
            <dt>Accent colour</dt>
            <dd className="accent-value">
              <span
                className="accent-value__swatch"
                style={{ background: interview.accentColour }}
                aria-hidden="true"
              />
              {interview.accentColour}
            </dd>
          </div>
        ) : null}
      </dl>
      {canEdit ? <Link to={`${interviewPath(interview.id)}/edit`}>Change settings</Link> : null}
    </section>
  );
}
