import { ErrorMessage } from './ErrorMessage.tsx';
import { StatusMessage } from './StatusMessage.tsx';

interface PageFeedbackProps {
  status: string | null;
  error: unknown;
  onDismiss: () => void;
}

/**
 * Where a page's actions report back: in the flow of the page under its heading, never over its content, each
 * message with a Dismiss button. A success is read out politely; an error at once, and it stays until dismissed
 * or replaced by the next action's outcome.
 */
export function PageFeedback({ status, error, onDismiss }: PageFeedbackProps) {
  return (
    <div className="page-feedback">
      <StatusMessage message={status} onDismiss={onDismiss} />
      <ErrorMessage error={error} onDismiss={onDismiss} />
    </div>
  );
}
