import { useEffect, useId, useRef } from 'react';
import type { SummaryError } from '../hooks/useForm.ts';

interface ErrorSummaryProps {
  errors: SummaryError[];
  formError?: string | null;
  /** Changes on every failed submit, so focus returns to the summary each time. */
  attempt: number;
  /** The heading, for pages in another language. */
  title?: string;
}

/** Lists what stops the form from being sent, with links to each field; announced as an alert. */
export function ErrorSummary({
  errors,
  formError,
  attempt,
  title = 'There is a problem',
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasErrors = errors.length > 0 || Boolean(formError);

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      {formError ? <p className="error-summary__message">{formError}</p> : null}
      {errors.length > 0 ? (
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={error.id}>
              <a
                href={`#${error.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.id)?.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
