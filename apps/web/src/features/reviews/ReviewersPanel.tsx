import { interviewReviewersSchema } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { requestApi } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMembers } from '../team/useMembers.ts';
import { reviewListPath } from './reviewQueries.ts';

const reviewersPath = (id: string) => `/interviews/${encodeURIComponent(id)}/reviewers`;

/** The interview page's entry to reviewing, and who reviews it (members with the reviewer role see only these). */
export function ReviewersPanel({ interviewId, canManage }: { interviewId: string; canManage: boolean }) {
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <p>
        <Link className="button button--primary" to={reviewListPath(interviewId)}>
          Review candidates
        </Link>
      </p>
      {canManage ? <ReviewerAssignment interviewId={interviewId} /> : null}
    </section>
  );
}

function ReviewerAssignment({ interviewId }: { interviewId: string }) {
  const queryClient = useQueryClient();
  const key = ['reviewers', interviewId];
  const reviewers = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      requestApi(reviewersPath(interviewId), { schema: interviewReviewersSchema, signal }),
  });
  const members = useMembers();
  const save = useMutation({
    mutationFn: (userIds: string[]) =>
      requestApi(reviewersPath(interviewId), {
        method: 'PUT',
        body: { userIds },
        schema: interviewReviewersSchema,
      }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [saved, setSaved] = useState('');

  if (reviewers.isPending || members.isPending) return <Loading />;
  if (reviewers.isError || members.isError) return <ErrorMessage error={reviewers.error ?? members.error} />;
  const current = chosen ?? new Set(reviewers.data.reviewers.map((r) => r.userId));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved('');
        save.mutate([...current], { onSuccess: () => setSaved('Reviewers saved.') });
      }}
    >
      <fieldset className="reviewer-options">
        <legend className="field__label">Assigned reviewers</legend>
        <p className="field__hint">
          Members with the reviewer role see only the interviews they are assigned to.
        </p>
        {members.data.map((m) => (
          <div key={m.userId} className="checkbox-field">
            <input
              id={`reviewer-${m.userId}`}
              type="checkbox"
              className="checkbox"
              checked={current.has(m.userId)}
              onChange={(event) => {
                const next = new Set(current);
                if (event.target.checked) next.add(m.userId);
                else next.delete(m.userId);
                setChosen(next);
              }}
            />
            <label className="checkbox-field__label" htmlFor={`reviewer-${m.userId}`}>
              {m.name} <span className="muted">({m.role})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorMessage error={save.error} />
      <p className="status-inline" role="status">
        {saved}
      </p>
      <button type="submit" className="button" disabled={save.isPending}>
        Save reviewers
      </button>
    </form>
  );
}
