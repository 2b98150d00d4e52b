import { useEffect, useId, useRef } from 'react';

interface RemoveMemberConfirmProps {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline confirmation; focus starts on Cancel so a stray Enter removes nobody. */
export function RemoveMemberConfirm({ name, onConfirm, onCancel }: RemoveMemberConfirmProps) {
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={questionId} className="confirm__question">
        Remove {name} from the team? They will lose access straight away.
      </p>
      <div className="confirm__actions">
        <button type="button" className="button button--small button--danger" onClick={onConfirm}>
          Yes, remove {name}
        </button>
        <button ref={cancelRef} type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
