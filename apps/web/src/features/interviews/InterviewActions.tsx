import type { Interview } from '@oneway/shared';
import { Link, useNavigate } from 'react-router';
import { interviewPath, useInterviewAction, type InterviewAction } from './interviewQueries.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';

interface InterviewActionsProps {
  interview: Interview;
  canEdit: boolean;
  feedback: Feedback;
}

/** Candidates, Edit, E-mails, Duplicate and Archive or Unarchive, for the interview on the page. */
export function InterviewActions({ interview, canEdit, feedback }: InterviewActionsProps) {
  const action = useInterviewAction(interview.id);
  const navigate = useNavigate();
  const isArchived = interview.archivedAt !== null;

  function run(kind: InterviewAction) {
    if (action.isPending) return;
    action.mutate(kind, {
      onSuccess: (result) => {
        if (kind === 'duplicate') {
          void navigate(interviewPath(result.id), {
            state: { notice: `Copy created. You are now looking at “${result.title}”.` },
          });
        } else {
          feedback.success(
            kind === 'archive'
              ? 'Interview archived. It is hidden from the active list and can no longer be changed.'
              : 'Interview unarchived. You can change it again.',
          );
        }
      },
      onError: feedback.failure,
    });
  }

  return (
    <div className="interview-actions">
      <Link to={`${interviewPath(interview.id)}/candidates`} className="button button--primary">
        Candidates
      </Link>
      {canEdit && !isArchived ? (
        <Link to={`${interviewPath(interview.id)}/edit`} className="button">
          Edit settings
        </Link>
      ) : null}
      {canEdit ? (
        <Link to={`${interviewPath(interview.id)}/emails`} className="button">
          E-mails
        </Link>
      ) : null}
      {canEdit ? (
        <>
          <button
            type="button"
            className="button"
            aria-disabled={action.isPending || undefined}
            onClick={() => run('duplicate')}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={action.isPending || undefined}
            onClick={() => run(isArchived ? 'unarchive' : 'archive')}
          >
            {isArchived ? 'Unarchive' : 'Archive'}
          </button>
        </>
      ) : null}
    </div>
  );
}
