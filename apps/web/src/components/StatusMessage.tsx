import { DismissButton } from './DismissButton.tsx';

interface StatusMessageProps {
  message: string | null;
  /** Shows a Dismiss button beside the message. */
  onDismiss?: () => void;
}

/**
 * A polite live region for success messages. It stays in the page while empty so screen readers
 * are already listening when a message arrives (WCAG 4.1.3). The Dismiss button sits outside the region, so it is
 * not read out with each message.
 */
export function StatusMessage({ message, onDismiss }: StatusMessageProps) {
  return (
    <div className={message ? 'status-message' : 'status-message status-message--empty'}>
      <div className="status-message__text" role="status">
        {message}
      </div>
      {message && onDismiss ? <DismissButton onDismiss={onDismiss} /> : null}
    </div>
  );
}
