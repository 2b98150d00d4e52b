/**
 * Closes a message. A keyboard user's focus would be lost with the button, so it moves to the page's heading,
 * just above where the message was.
 */
export function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <button
      type="button"
      className="button button--small message-dismiss"
      onClick={(event) => {
        const hadFocus = document.activeElement === event.currentTarget;
        onDismiss();
        if (hadFocus) focusPageHeading();
      }}
    >
      <span aria-hidden="true" className="message-dismiss__icon">
        ×
      </span>
      Dismiss
    </button>
  );
}

function focusPageHeading() {
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1[tabindex]');
  (heading ?? main)?.focus();
}
