import type { ReactNode } from 'react';
import { getErrorMessage } from '../api/errorMessages.ts';
import { DismissButton } from './DismissButton.tsx';

interface ErrorMessageProps {
  error: unknown;
  children?: ReactNode;
  /** Shows a Dismiss button: the error stays until the person closes it or a later action replaces it. */
  onDismiss?: () => void;
}

/** An error outside a form (a failed load or action), announced at once. */
export function ErrorMessage({ error, children, onDismiss }: ErrorMessageProps) {
  if (!error) return null;
  if (!onDismiss) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{getErrorMessage(error)}</p>
        {children}
      </div>
    );
  }
  return (
    <div className="alert alert--error alert--dismissible">
      <div role="alert">
        <p>{getErrorMessage(error)}</p>
        {children}
      </div>
      <DismissButton onDismiss={onDismiss} />
    </div>
  );
}
