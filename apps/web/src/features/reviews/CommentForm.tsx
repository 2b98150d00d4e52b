import { useState, type RefObject } from 'react';
import { getErrorMessage } from '../../api/errorMessages.ts';
import type { Feedback } from '../../hooks/usePageFeedback.ts';
import { formatSeconds } from './reviewFormat.ts';
import { useAddComment } from './reviewQueries.ts';

interface CommentFormProps {
  invitationId: string;
  questionId: string;
  position: number;
  /** The answer's player, when there is one, for "at the current time". */
  mediaRef: RefObject<HTMLMediaElement | null> | null;
  feedback: Feedback;
}

/** Adds a comment to an answer, optionally pinned to the player's current time. */
export function CommentForm({ invitationId, questionId, position, mediaRef, feedback }: CommentFormProps) {
  const add = useAddComment(invitationId);
  const [body, setBody] = useState('');
  const [atCurrentTime, setAtCurrentTime] = useState(mediaRef !== null);
  const [error, setError] = useState<string | null>(null);
  const bodyId = `comment-${questionId}`;
  const errorId = `${bodyId}-error`;

  return (
    <form
      className="comment-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) {
          setError('Write the comment');
          return;
        }
        const media = mediaRef?.current ?? null;
        const atSeconds = atCurrentTime && media ? Math.round(media.currentTime * 10) / 10 : null;
        setError(null);
        add.mutate(
          { questionId, atSeconds, body: body.trim() },
          {
            onSuccess: () => {
              setBody('');
              feedback.success(
                atSeconds === null ? 'Comment added.' : `Comment added at ${formatSeconds(atSeconds)}.`,
              );
            },
            onError: (failure) => setError(getErrorMessage(failure)),
          },
        );
      }}
    >
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={bodyId}>
          Comment on question {position}
        </label>
        {error ? (
          <p className="field__error" id={errorId} role="alert">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <textarea
          id={bodyId}
          className="input textarea"
          rows={2}
          maxLength={2000}
          value={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <div className="comment-form__row">
        {mediaRef ? (
          <div className="checkbox-field">
            <input
              id={`${bodyId}-at`}
              type="checkbox"
              className="checkbox"
              checked={atCurrentTime}
              onChange={(event) => setAtCurrentTime(event.target.checked)}
            />
            <label className="checkbox-field__label" htmlFor={`${bodyId}-at`}>
              At the player&rsquo;s current time
            </label>
          </div>
        ) : null}
        <button type="submit" className="button button--small" disabled={add.isPending}>
          Add comment
        </button>
      </div>
    </form>
  );
}
