import { useCallback, useMemo, useState } from 'react';

/** How actions on a page report back to its shared status and error regions. */
export interface Feedback {
  success: (message: string) => void;
  failure: (error: unknown) => void;
}

/** One polite status message and one error for the page; a new one replaces the other, and Dismiss closes both. */
export function usePageFeedback() {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const feedback = useMemo<Feedback>(
    () => ({
      success: (message) => {
        setError(null);
        setStatus(message);
      },
      failure: (failure) => {
        setStatus(null);
        setError(failure);
      },
    }),
    [],
  );
  const dismiss = useCallback(() => {
    setStatus(null);
    setError(null);
  }, []);
  return { status, error, feedback, dismiss };
}
