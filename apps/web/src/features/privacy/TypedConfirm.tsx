import { useEffect, useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField.tsx';

interface TypedConfirmProps {
  /** What will happen, in a sentence. */
  question: string;
  /** What must be typed, shown to the reader (an e-mail address, a title). */
  expected: string;
  label: string;
  confirmLabel: string;
  isPending: boolean;
  onConfirm: (typed: string) => void;
  onCancel: () => void;
}

/**
 * A confirmation for an action that cannot be undone: the reader types `expected` (the server checks it again).
 * Focus starts in the field; Escape cancels.
 */
export function TypedConfirm(props: TypedConfirmProps) {
  const id = useId();
  const focusInput = () => document.getElementById(`${id}-input`)?.focus();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Once, when the confirmation opens.
  useEffect(() => {
    document.getElementById(`${id}-input`)?.focus();
  }, [id]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (props.isPending) return;
    if (typed.trim().toLowerCase() !== props.expected.trim().toLowerCase()) {
      setError(`Type ${props.expected} exactly to confirm.`);
      focusInput();
      return;
    }
    props.onConfirm(typed);
  }

  return (
    <form
      className="confirm"
      noValidate
      aria-labelledby={`${id}-question`}
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <p id={`${id}-question`} className="confirm__question">
        {props.question}
      </p>
      <TextField
        id={`${id}-input`}
        label={props.label}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        error={error ?? undefined}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div className="confirm__actions">
        <button
          type="submit"
          className="button button--small button--danger"
          aria-disabled={props.isPending || undefined}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
