interface StatusMessageProps {
  message: string | null;
}

/**
 * A polite live region for success messages. It stays in the page while empty so screen readers
 * are already listening when a message arrives (WCAG 4.1.3).
 */
export function StatusMessage({ message }: StatusMessageProps) {
  return (
    <div className={message ? 'status-message' : 'status-message status-message--empty'} role="status">
      {message}
    </div>
  );
}
