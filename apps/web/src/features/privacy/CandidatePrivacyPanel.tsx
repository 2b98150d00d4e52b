import type { CandidatePrivacy, InvitationDetail } from '@oneway/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate, formatDateTime } from '../../lib/formatDate.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { useCandidatePrivacy, useEraseCandidate, useLegalHold } from './privacyQueries.ts';
import { TypedConfirm } from './TypedConfirm.tsx';
import './privacy.css';

/** A candidate's data: when it goes, their erasure request, a legal hold, and erasing them now. */
export function CandidatePrivacyPanel({
  invitation,
  feedback,
}: {
  invitation: InvitationDetail;
  feedback: Feedback;
}) {
  const privacy = useCandidatePrivacy(invitation.id);
  return (
    <section className="panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Data and privacy</h2>
      {privacy.isPending ? (
        <Loading />
      ) : privacy.isError ? (
        <ErrorMessage error={privacy.error} />
      ) : (
        <PrivacyDetails invitation={invitation} privacy={privacy.data} feedback={feedback} />
      )}
    </section>
  );
}

function describeRetention(privacy: CandidatePrivacy): string {
  if (privacy.retentionEraseAt)
    return `Retention erases this candidate’s data on ${formatDate(privacy.retentionEraseAt)}.`;
  if (privacy.closedAt)
    return 'Retention keeps this candidate’s data until it is erased by hand or on request.';
  return 'Retention has not started: no decision yet, or the candidate can still answer.';
}

function PrivacyDetails(props: {
  invitation: InvitationDetail;
  privacy: CandidatePrivacy;
  feedback: Feedback;
}) {
  const { invitation, privacy, feedback } = props;
  const hold = useLegalHold(invitation.id);
  const erase = useEraseCandidate(invitation.id);
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'none' | 'hold' | 'lift' | 'erase'>('none');
  const request = privacy.erasureRequest;

  return (
    <div className="privacy-panel">
      <p>{describeRetention(privacy)}</p>
      {request ? (
        <p className="alert alert--info">
          {request.confirmedAt
            ? `The candidate confirmed a request to erase their data on ${formatDateTime(request.confirmedAt)}. It is carried out by ${formatDate(request.dueAt ?? request.confirmedAt)}${privacy.legalHold ? ' once the legal hold is lifted' : ''}.`
            : `The candidate asked to erase their data on ${formatDateTime(request.requestedAt)} and has not confirmed it yet.`}
        </p>
      ) : null}
      {privacy.legalHold ? (
        <p>
          <strong>On legal hold</strong> since {formatDate(privacy.legalHold.placedAt)}
          {privacy.legalHold.placedBy ? `, placed by ${privacy.legalHold.placedBy}` : ''}
          {privacy.legalHold.reason ? `: ${privacy.legalHold.reason}` : ''}. Nothing of this candidate is
          erased until it is lifted.
        </p>
      ) : null}
      {!privacy.canManage ? (
        <p className="field__hint">Owners and admins can place a legal hold or erase this candidate.</p>
      ) : step === 'hold' ? (
        <form
          className="confirm"
          onSubmit={(event) => {
            event.preventDefault();
            hold.mutate(
              { place: true, reason: reason.trim() },
              {
                onSuccess: () => {
                  setStep('none');
                  feedback.success(
                    `${invitation.name} is on legal hold: nothing of theirs is erased until it is lifted.`,
                  );
                },
                onError: feedback.failure,
              },
            );
          }}
        >
          <TextField
            id="legal-hold-reason"
            label="Reason (optional, for the team)"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            hint="A case reference, for example. It is erased with the candidate once the hold is lifted."
          />
          <div className="confirm__actions">
            <button type="submit" className="button button--small button--primary">
              Place legal hold
            </button>
            <button type="button" className="button button--small" onClick={() => setStep('none')}>
              Cancel
            </button>
          </div>
        </form>
      ) : step === 'lift' ? (
        <InlineConfirm
          question={`Lift the legal hold on ${invitation.name}? Retention and their own requests can erase their data again.`}
          confirmLabel="Yes, lift it"
          onCancel={() => setStep('none')}
          onConfirm={() =>
            hold.mutate(
              { place: false },
              {
                onSuccess: () => {
                  setStep('none');
                  feedback.success(`The legal hold on ${invitation.name} is lifted.`);
                },
                onError: feedback.failure,
              },
            )
          }
        />
      ) : step === 'erase' ? (
        <TypedConfirm
          question={`Erase ${invitation.name} now? Their recordings, answers, personal data, and the team’s ratings and comments on them go for good, and share links to them stop working.`}
          expected={invitation.email}
          label="Type the candidate’s e-mail address to confirm"
          confirmLabel="Erase now"
          isPending={erase.isPending}
          onCancel={() => setStep('none')}
          onConfirm={(typed) =>
            erase.mutate(typed, {
              onSuccess: () =>
                void navigate(`/interviews/${encodeURIComponent(invitation.interviewId)}`, {
                  state: {
                    notice: `${invitation.name} has been erased. A record without personal data is kept.`,
                  },
                }),
              onError: feedback.failure,
            })
          }
        />
      ) : (
        <div className="privacy-panel__actions">
          {privacy.legalHold ? (
            <button type="button" className="button" onClick={() => setStep('lift')}>
              Lift legal hold
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setStep('hold')}>
              Place legal hold…
            </button>
          )}
          {privacy.legalHold ? null : (
            <button type="button" className="button button--danger-quiet" onClick={() => setStep('erase')}>
              Erase now…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
