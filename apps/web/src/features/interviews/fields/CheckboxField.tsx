import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

/** A checkbox with its label beside it and an optional hint read with it. */
export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? hintId : undefined}
      />
      <label className="checkbox-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint checkbox-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
