import type { ReactNode } from 'react';
import { getErrorMessage } from '../api/errorMessages.ts';

interface ErrorMessageProps {
  error: unknown;
  children?: ReactNode;
}

/** An error outside a form (a failed load or action), announced at once. */
export function ErrorMessage({ error, children }: ErrorMessageProps) {
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{getErrorMessage(error)}</p>
      {children}
    </div>
  );
}
