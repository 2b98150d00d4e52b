import type { ReviewComment } from '@oneway/shared';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { describeSeconds, formatSeconds } from './reviewFormat.ts';
import { useDeleteComment } from './reviewQueries.ts';

interface CommentListProps {
  comments: ReviewComment[];
  onSeek: (seconds: number) => void;
  feedback: Feedback;
  /** Blind review before the viewer rated: only their own comments are here, so "No comments yet" may be false. */
  othersHidden: boolean;
}

/** The team's comments on one answer; a time-stamped one is a button that moves the player to that moment. */
export function CommentList({ comments, onSeek, feedback, othersHidden }: CommentListProps) {
  const remove = useDeleteComment();
  const hiddenNote = othersHidden ? (
    <p className="muted">Other people’s comments show once you have rated.</p>
  ) : null;
  if (comments.length === 0) return hiddenNote ?? <p className="muted">No comments yet.</p>;
  const sorted = [...comments].sort((a, b) => (a.atSeconds ?? -1) - (b.atSeconds ?? -1));
  return (
    <>
      {hiddenNote}
      <ul className="comment-list">
        {sorted.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta">
              {comment.atSeconds !== null ? (
                <button
                  type="button"
                  className="button button--small comment__time"
                  aria-label={`Play from ${formatSeconds(comment.atSeconds)} (${describeSeconds(comment.atSeconds)})`}
                  onClick={() => onSeek(comment.atSeconds ?? 0)}
                >
                  {formatSeconds(comment.atSeconds)}
                </button>
              ) : null}
              <strong>{comment.author.name}</strong>
              {comment.author.kind === 'guest' ? <span className="muted"> (guest)</span> : null}{' '}
              <time className="muted" dateTime={comment.createdAt}>
                {formatDateTime(comment.createdAt)}
              </time>
            </p>
            <p className="comment__body break-anywhere">{comment.body}</p>
            {comment.canDelete ? (
              <button
                type="button"
                className="button button--small button--danger-quiet"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(comment.id, {
                    onSuccess: () => feedback.success('Comment deleted.'),
                    onError: feedback.failure,
                  })
                }
              >
                Delete comment<span className="visually-hidden"> by {comment.author.name}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
