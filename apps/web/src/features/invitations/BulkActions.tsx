import type { BulkInvitationResult, Invitation } from '@oneway/shared';
import { useState } from 'react';
import { plural } from '../interviews/format/durations.ts';
import { InlineConfirm } from '../../components/InlineConfirm.tsx';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { ExtendDeadlineForm } from './ExtendDeadlineForm.tsx';
import { useBulkInvitationAction } from './invitationMutations.ts';
import { byDelivery, notDelivered, useMailDelivery } from '../auth/mailDelivery.ts';

interface BulkActionsProps {
  interviewId: string;
  selected: Invitation[];
  feedback: Feedback;
  onDone: () => void;
}

const noneSelected = 'Select one or more candidates in the table first.';

/** Remind, extend or withdraw the selected candidates; says who was skipped and why. */
export function BulkActions({ interviewId, selected, feedback, onDone }: BulkActionsProps) {
  const bulk = useBulkInvitationAction(interviewId);
  const delivery = useMailDelivery(selected.length);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = selected.map((i) => i.id);
  const count = plural(selected.length, 'candidate', 'candidates');

  function report(done: string, result: BulkInvitationResult) {
    const names = new Map(selected.map((i) => [i.id, i.name]));
    const skipped = result.skipped.map((s) => `${names.get(s.id) ?? 'One candidate'}: ${s.reason}`);
    const updated = plural(result.updated.length, 'candidate', 'candidates');
    feedback.success(`${done} ${updated}.${skipped.length > 0 ? ` Skipped ${skipped.join('; ')}.` : ''}`);
    onDone();
  }

  function run(action: 'remind' | 'withdraw') {
    if (bulk.isPending) return;
    if (ids.length === 0) {
      setProblem(noneSelected);
      return;
    }
    setConfirming(false);
    bulk.mutate(
      { action, invitationIds: ids },
      {
        onSuccess: (result) =>
          report(
            action === 'withdraw'
              ? 'Withdrew'
              : byDelivery(delivery, 'Reminder sent to', `Reminder e-mail ${notDelivered(delivery)}, for`),
            result,
          ),
        onError: feedback.failure,
      },
    );
  }

  function extend(deadline: string) {
    bulk.mutate(
      { action: 'extend', invitationIds: ids, deadline },
      { onSuccess: (result) => report('New deadline for', result), onError: feedback.failure },
    );
  }

  return (
    <div className="bulk-actions" role="group" aria-labelledby="bulk-heading">
      <h3 id="bulk-heading" className="bulk-actions__title">
        Selected: {count}
      </h3>
      {problem && ids.length === 0 ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="bulk-actions__row">
        <button
          type="button"
          className="button"
          aria-disabled={bulk.isPending || undefined}
          onClick={() => run('remind')}
        >
          Remind now
        </button>
        <ExtendDeadlineForm
          label="Extend the deadline of the selected candidates"
          isPending={bulk.isPending}
          precheck={() => (ids.length === 0 ? noneSelected : null)}
          onExtend={extend}
        />
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => (ids.length === 0 ? setProblem(noneSelected) : setConfirming(true))}
        >
          Withdraw
        </button>
      </div>
      {confirming && ids.length > 0 ? (
        <InlineConfirm
          question={`Withdraw the invitations of ${count}? Their links stop working and no reminders go out.`}
          confirmLabel="Yes, withdraw"
          onConfirm={() => run('withdraw')}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
