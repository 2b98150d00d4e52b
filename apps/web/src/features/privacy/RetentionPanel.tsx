import type { InterviewRetention, InterviewRetentionChoice } from '@oneway/shared';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDate } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import {
  interviewRetentionLabels,
  useEraseInterviewCandidates,
  useInterviewRetention,
  useUpdateInterviewRetention,
} from './privacyQueries.ts';
import { TypedConfirm } from './TypedConfirm.tsx';
import './privacy.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The interview page's retention: its choice, who will be erased when, and erasing everyone now. */
export function RetentionPanel(props: {
  interviewId: string;
  interviewTitle: string;
  canManage: boolean;
  feedback: Feedback;
}) {
  const retention = useInterviewRetention(props.interviewId);
  return (
    <section className="panel" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Candidates’ data</h2>
      {retention.isPending ? (
        <Loading />
      ) : retention.isError ? (
        <ErrorMessage error={retention.error} />
      ) : (
        <RetentionDetails {...props} retention={retention.data} />
      )}
    </section>
  );
}

function RetentionDetails(props: {
  interviewId: string;
  interviewTitle: string;
  canManage: boolean;
  feedback: Feedback;
  retention: InterviewRetention;
}) {
  const { retention, feedback } = props;
  const update = useUpdateInterviewRetention(props.interviewId);
  const erase = useEraseInterviewCandidates(props.interviewId);
  const [confirming, setConfirming] = useState(false);
  const labels = interviewRetentionLabels(retention.organisationDefault);

  return (
    <>
      {props.canManage ? (
        <SelectField
          id="interview-retention"
          label="Erase recordings, answers and personal data after"
          value={retention.choice}
          aria-disabled={update.isPending || undefined}
          onChange={(event) =>
            update.mutate(event.target.value as InterviewRetentionChoice, {
              onSuccess: (saved) =>
                feedback.success(
                  saved.effectiveDays === null
                    ? 'Retention saved: candidates’ data is kept until erased by hand or on request.'
                    : `Retention saved: candidates’ data is erased ${saved.effectiveDays} days after it closes.`,
                ),
              onError: feedback.failure,
            })
          }
          options={(Object.keys(labels) as InterviewRetentionChoice[]).map((value) => ({
            value,
            label: labels[value],
          }))}
          hint="Closing: the team’s decision or archiving for candidates who submitted; the end of the invitation for the others."
        />
      ) : (
        <p>
          {retention.effectiveDays === null
            ? 'Candidates’ data is kept until erased by hand or on request.'
            : `Candidates’ data is erased ${retention.effectiveDays} days after it closes.`}
        </p>
      )}
      <h3 className="panel__subheading">What will be erased and when</h3>
      {retention.planned.length === 0 ? (
        <p className="field__hint">No erasure is planned yet.</p>
      ) : (
        <ul className="retention-list">
          {retention.planned.map((candidate) => (
            <li key={candidate.invitationId}>
              <span className="break-anywhere">{candidate.name}</span>:{' '}
              {candidate.legalHold
                ? 'on legal hold, nothing is erased'
                : `erased on ${formatDate(candidate.eraseAt ?? '')}${
                    candidate.eraseReason === 'candidate_request' ? ' (their request)' : ''
                  }`}
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">
        {plural(retention.openCount, 'candidate is', 'candidates are')} not counted yet (no decision, or still
        able to answer). {plural(retention.erasedCount, 'candidate', 'candidates')} erased so far.
      </p>
      {props.canManage ? (
        confirming ? (
          <TypedConfirm
            question={`Erase every candidate of “${props.interviewTitle}” now, except those on legal hold? Recordings, answers, personal data, ratings and comments go for good.`}
            expected={props.interviewTitle}
            label="Type the interview’s title to confirm"
            confirmLabel="Erase all candidates"
            isPending={erase.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={(typed) =>
              erase.mutate(typed, {
                onSuccess: (result) => {
                  setConfirming(false);
                  feedback.success(
                    `${plural(result.erased, 'candidate', 'candidates')} erased; their recordings are being deleted from storage now.` +
                      (result.held > 0
                        ? ` ${plural(result.held, 'candidate', 'candidates')} on legal hold kept.`
                        : ''),
                  );
                },
                onError: feedback.failure,
              })
            }
          />
        ) : (
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Erase all candidates now…
          </button>
        )
      ) : null}
    </>
  );
}
