import type { ChangeEvent, ReactNode } from 'react';

interface RadioGroupFieldProps {
  /** The first radio takes this id, so the error summary can move focus to the group. */
  id: string;
  name: string;
  legend: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Radios in a fieldset whose legend names the group; hint and error are read with each radio. */
export function RadioGroupField({
  id,
  name,
  legend,
  value,
  options,
  onChange,
  hint,
  error,
}: RadioGroupFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="radios">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="radio" key={option.value}>
              <input
                id={optionId}
                type="radio"
                name={`${id}-${name}`}
                value={option.value}
                checked={value === option.value}
                onChange={onChange}
                aria-describedby={describedBy || undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
